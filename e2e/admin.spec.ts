import type { Request } from "@playwright/test";

import { AdminConsolePage } from "./pages/admin";
import { latestAudit, revokedAt, signInAs } from "./support/admin-world";
import { expect, test } from "./support/fixtures";
import { ADMIN_EMAIL, LISTED_ADMIN_EMAIL } from "./support/global-setup";
import { countRows, emulator, portalUrl, storedToken } from "./support/world";

const AISHA = "aisha.khan@zylker-academy.example";
const DANIEL = "daniel.obrien@zylker-academy.example";
const SOFIA = "sofia.rossi@zylker-academy.example";
const HANA = "hana.yamada@zylker-academy.example";
const ENDED = /An administrator ended your session/;

test.afterEach(async () => {
  await emulator.clearFaults();
});

test("a non-admin gets 403 on /admin, and the attempt is audited", async ({
  browser,
}) => {
  const daniel = await signInAs(browser, DANIEL);
  await expect(
    daniel.portal.page.getByRole("link", { name: "Admin" }),
  ).toHaveCount(0);

  const response = await daniel.portal.page.goto(`${portalUrl}/admin`);

  expect(response?.status()).toBe(403);
  await expect(
    daniel.portal.page.getByRole("heading", { name: "Forbidden" }),
  ).toBeVisible();
  expect(latestAudit(1)[0]).toMatchObject({
    event: "admin_refused",
    actor: DANIEL,
  });
  await daniel.context.close();
});

test("admins are those in PORTAL_ADMINS and CRM Administrators", async ({
  browser,
}) => {
  for (const email of [LISTED_ADMIN_EMAIL, ADMIN_EMAIL]) {
    const admin = await signInAs(browser, email);
    const page = admin.portal.page;
    await expect(page.getByRole("link", { name: "Admin" })).toBeVisible();

    const response = await page.goto(`${portalUrl}/admin`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Admin" })).toBeVisible();
    await admin.context.close();
  }
});

test("a non-admin's or a cross-site POST to the action deletes nothing", async ({
  browser,
}) => {
  const aisha = await signInAs(browser, AISHA);
  const admin = await signInAs(browser, ADMIN_EMAIL);
  const adminConsole = new AdminConsolePage(admin.portal.page);
  await adminConsole.open();
  const post = await captureLogoutPost(adminConsole, AISHA);
  const tokens = countRows("oauth_tokens");

  const asStudent = await aisha.context.request.post(`${portalUrl}/admin`, {
    headers: replayHeaders(post, portalUrl),
    data: post.postDataBuffer()!,
  });
  const crossSite = await admin.context.request.post(`${portalUrl}/admin`, {
    headers: replayHeaders(post, "https://evil.example"),
    data: post.postDataBuffer()!,
  });

  expect(asStudent.status()).toBe(403);
  expect(crossSite.status()).toBe(403);
  expect(countRows("oauth_tokens")).toBe(tokens);
  expect(await storedToken(AISHA)).not.toBeNull();
  await aisha.portal.page.goto(`${portalUrl}/dashboard`);
  await expect(
    aisha.portal.page.getByRole("heading", { name: "Aisha Khan" }),
  ).toBeVisible();
  expect(latestAudit(1)[0]).toMatchObject({
    event: "admin_refused",
    actor: AISHA,
  });

  // The same request from the admin, sent twice: one logout, then a no-op.
  for (const _ of [1, 2]) {
    const genuine = await admin.context.request.post(`${portalUrl}/admin`, {
      headers: replayHeaders(post, portalUrl),
      data: post.postDataBuffer()!,
    });
    expect(genuine.status()).toBe(200);
  }
  expect(countRows("oauth_tokens")).toBe(tokens - 1);
  expect(await storedToken(AISHA)).toBeNull();
  expect(latestAudit(1)[0]).toMatchObject({
    event: "logged_out_by_admin",
    subject: AISHA,
  });
  await aisha.context.close();
  await admin.context.close();
});

test("an admin logs a student out; the student's next request is refused", async ({
  browser,
}) => {
  const aisha = await signInAs(browser, AISHA);
  const cookies = await aisha.context.cookies();
  const admin = await signInAs(browser, ADMIN_EMAIL);
  const adminConsole = new AdminConsolePage(admin.portal.page);
  await adminConsole.open();
  await expect(adminConsole.tokenRow(AISHA)).toBeVisible();

  await adminConsole.logOut(AISHA);

  await expect(adminConsole.message(`Logged out ${AISHA}`)).toBeVisible();
  await aisha.portal.page.goto(`${portalUrl}/dashboard`);
  await expect(aisha.portal.page).toHaveURL(/\/\?ended=admin$/);
  await expect(
    aisha.portal.page.getByRole("alert").filter({ hasText: ENDED }),
  ).toBeVisible();
  expect(await revokedAt(aisha.refreshToken)).not.toBeNull();
  await expectReplayRefused(browser, cookies);

  await adminConsole.open();
  await expect(adminConsole.tokenRow(AISHA)).toHaveCount(0);
  await expect(adminConsole.tokenRow(ADMIN_EMAIL)).toBeVisible();
  await expect(adminConsole.audit().getByRole("row").nth(1)).toContainText(
    "Logged out by an admin",
  );
  await aisha.context.close();
  await admin.context.close();
});

test("when Zoho's revoke fails the user is still out; a retry revokes", async ({
  browser,
}) => {
  const sofia = await signInAs(browser, SOFIA);
  const admin = await signInAs(browser, ADMIN_EMAIL);
  const adminConsole = new AdminConsolePage(admin.portal.page);
  await adminConsole.open();
  await emulator.addFault({ route: "revoke", kind: "5xx" });

  await adminConsole.logOut(SOFIA);

  await expect(
    adminConsole.message("the revoke at Zoho failed (ZOHO_UNEXPECTED_STATUS)"),
  ).toBeVisible();
  await sofia.portal.page.goto(`${portalUrl}/dashboard`);
  await expect(
    sofia.portal.page.getByRole("alert").filter({ hasText: ENDED }),
  ).toBeVisible();
  expect(await revokedAt(sofia.refreshToken)).toBeNull();
  expect(latestAudit(1)[0]).toMatchObject({
    event: "logged_out_by_admin",
    subject: SOFIA,
    data_centre: "eu",
    outcome: expect.stringMatching(/^revoke failed: ZOHO_UNEXPECTED_STATUS/),
  });

  await emulator.clearFaults();
  await adminConsole.retryRevoke(SOFIA);

  await expect(
    adminConsole.message(`The refresh token of ${SOFIA} is now revoked`),
  ).toBeVisible();
  expect(await revokedAt(sofia.refreshToken)).not.toBeNull();
  expect(latestAudit(1)[0]).toMatchObject({
    event: "revoke_retried",
    subject: SOFIA,
    outcome: "revoked at Zoho",
  });
  await sofia.context.close();
  await admin.context.close();
});

test("Log out everyone ends every session, the admin's included", async ({
  browser,
}) => {
  const hana = await signInAs(browser, HANA);
  const admin = await signInAs(browser, ADMIN_EMAIL);
  const adminConsole = new AdminConsolePage(admin.portal.page);
  await adminConsole.open();

  await adminConsole.startLogOutEveryone();
  await expect(
    adminConsole.message(`including you (${ADMIN_EMAIL})`),
  ).toBeVisible();
  await adminConsole.confirmLogOutEveryone();

  await expect(admin.portal.page).toHaveURL(/\/\?ended=admin$/);
  await expect(
    admin.portal.page.getByRole("alert").filter({ hasText: ENDED }),
  ).toBeVisible();
  await hana.portal.page.goto(`${portalUrl}/dashboard`);
  await expect(
    hana.portal.page.getByRole("alert").filter({ hasText: ENDED }),
  ).toBeVisible();
  expect(countRows("oauth_tokens")).toBe(0);
  expect(await revokedAt(hana.refreshToken)).not.toBeNull();
  expect(await revokedAt(admin.refreshToken)).not.toBeNull();
  expect(latestAudit(1)[0]).toMatchObject({
    event: "logged_out_everyone",
    actor: ADMIN_EMAIL,
  });
  await hana.context.close();
  await admin.context.close();
});

/**
 * The POST the adminConsole sends for "Log out <email>", captured and stopped
 * before it reaches the portal, so it can be replayed by others.
 */
async function captureLogoutPost(
  adminConsole: AdminConsolePage,
  email: string,
): Promise<Request> {
  const page = adminConsole.page;
  await page.route(`${portalUrl}/admin`, (route) =>
    route.request().method() === "POST" ? route.abort() : route.fallback(),
  );
  await adminConsole.startLogOut(email);
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST"),
    page.getByRole("button", { name: "Confirm log out", exact: true }).click(),
  ]);
  await page.unrouteAll({ behavior: "ignoreErrors" });
  return request;
}

function replayHeaders(post: Request, origin: string) {
  const headers = post.headers();
  return {
    "next-action": headers["next-action"]!,
    "content-type": headers["content-type"]!,
    accept: "text/x-component",
    origin,
  };
}

async function expectReplayRefused(
  browser: import("@playwright/test").Browser,
  cookies: Awaited<
    ReturnType<import("@playwright/test").BrowserContext["cookies"]>
  >,
) {
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const page = await replay.newPage();
  await page.goto(`${portalUrl}/dashboard`);
  await expect(page).toHaveURL(/\/\?ended=admin$/);
  await replay.close();
}
