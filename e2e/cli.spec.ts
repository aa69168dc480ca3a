import { spawn } from "node:child_process";
import path from "node:path";

import { latestAudit, revokedAt, signInAs } from "./support/admin-world";
import { expect, test } from "./support/fixtures";
import {
  countRows,
  dataDir,
  dbPath,
  emulator,
  portalEnv,
  portalUrl,
  storedToken,
} from "./support/world";

const OMAR = "omar.haddad@zylker-academy.example";
const HANA = "hana.yamada@zylker-academy.example";
const LENA = "lena.schmidt@zylker-academy.example";
const ENDED = /An administrator ended your session/;

test.afterEach(async () => {
  await emulator.clearFaults();
});

test("list shows the signed-in users, as a table or JSON, never a token", async ({
  browser,
}) => {
  const omar = await signInAs(browser, OMAR);
  const token = await storedToken(OMAR);

  const table = await tokens(["list"]);
  const json = await tokens(["list", "--json"]);

  expect(table.code).toBe(0);
  expect(table.stdout).toMatch(/USER\s+DC\s+EXPIRES/);
  expect(table.stdout).toContain(OMAR);
  expect(json.code).toBe(0);
  const rows = JSON.parse(json.stdout).tokens as Record<string, unknown>[];
  expect(rows.find((r) => r.user === OMAR)).toMatchObject({
    dataCentre: "eu",
    liveSessions: 1,
  });
  for (const out of [table, json]) {
    const text = out.stdout + out.stderr;
    expect(text).not.toContain(token!.refreshToken!);
    expect(text).not.toContain(token!.accessToken!);
  }
  await omar.context.close();
});

test("revoke <email> logs the user out and revokes at Zoho, as the CLI", async ({
  browser,
}) => {
  const omar = await signInAs(browser, OMAR);
  const hana = await signInAs(browser, HANA);

  const result = await tokens(["revoke", OMAR]);

  expect(result.code).toBe(0);
  expect(result.stdout).toContain(`Logged out ${OMAR}`);
  await omar.portal.page.goto(`${portalUrl}/dashboard`);
  await expect(
    omar.portal.page.getByRole("alert").filter({ hasText: ENDED }),
  ).toBeVisible();
  expect(await revokedAt(omar.refreshToken)).not.toBeNull();
  expect(latestAudit(1)[0]).toMatchObject({
    event: "logged_out_by_admin",
    actor: "cli",
    subject: OMAR,
    data_centre: "eu",
    outcome: "revoked at Zoho",
  });
  await hana.portal.page.goto(`${portalUrl}/dashboard`);
  await expect(hana.portal.page).toHaveURL(/\/dashboard$/);
  await omar.context.close();
  await hana.context.close();
});

test("revoke by token id; a second revoke of it is refused as unknown", async ({
  browser,
}) => {
  const lena = await signInAs(browser, LENA);
  const id = (await storedToken(LENA))!.id!;

  const first = await tokens(["revoke", id]);
  const second = await tokens(["revoke", id]);

  expect(first.code).toBe(0);
  expect(second.code).toBe(3);
  expect(second.stderr).toContain("unknown user or token id");
  expect(await revokedAt(lena.refreshToken)).not.toBeNull();
  await lena.context.close();
});

test("refusals: unknown user, missing database, bad usage", async () => {
  const before = countRows("oauth_tokens");

  const unknown = await tokens(["revoke", "nobody@zylker-academy.example"]);
  const missing = await tokens(["list"], {
    DATABASE_PATH: path.join(dataDir, "nope", "portal.db"),
  });
  const usage = await tokens(["frobnicate"]);

  expect(unknown.code).toBe(3);
  expect(unknown.stderr).toContain("nobody@zylker-academy.example");
  expect(missing.code).toBe(4);
  expect(missing.stderr).toContain("does not exist");
  expect(usage.code).toBe(2);
  expect(usage.stderr).toContain("Usage: npm run tokens");
  expect(countRows("oauth_tokens")).toBe(before);
});

test("a revoke Zoho fails: exit 1, logged out anyway, revoke-pending retries", async ({
  browser,
}) => {
  const hana = await signInAs(browser, HANA);
  await emulator.addFault({ route: "revoke", kind: "5xx" });

  const failed = await tokens(["revoke", HANA]);

  expect(failed.code).toBe(1);
  expect(failed.stdout).toContain("the revoke at Zoho failed");
  expect(await storedToken(HANA)).toBeNull();
  expect(await revokedAt(hana.refreshToken)).toBeNull();

  await emulator.clearFaults();
  const retried = await tokens(["revoke-pending"]);

  expect(retried.code).toBe(0);
  expect(await revokedAt(hana.refreshToken)).not.toBeNull();
  expect(latestAudit(1)[0]).toMatchObject({
    event: "revoke_retried",
    actor: "cli",
    subject: HANA,
  });
  await hana.context.close();
});

test("revoke-all logs everyone out", async ({ browser }) => {
  const omar = await signInAs(browser, OMAR);

  const result = await tokens(["revoke-all"]);

  expect(result.code).toBe(0);
  expect(countRows("oauth_tokens")).toBe(0);
  expect(await revokedAt(omar.refreshToken)).not.toBeNull();
  await omar.portal.page.goto(`${portalUrl}/dashboard`);
  await expect(omar.portal.page).toHaveURL(/\/\?ended=admin$/);
  await omar.context.close();
});

/** Runs `npx tsx lib/cli/tokens.ts …` on the world's database. */
function tokens(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn("npx", ["tsx", "lib/cli/tokens.ts", ...args], {
    env: {
      ...process.env,
      DATABASE_PATH: dbPath,
      ZOHO_EXTRA_DATA_CENTRES: portalEnv.ZOHO_EXTRA_DATA_CENTRES!,
      ...env,
    },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve) =>
    child.on("close", (code) => resolve({ code, stdout, stderr })),
  );
}
