import { revokedAt } from "./support/admin-world";
import { expect, rememberSession, test } from "./support/fixtures";
import {
  countRows,
  databaseBytes,
  dataCentres,
  emulator,
  openTokenStore,
  portalUrl,
  refreshCalls,
  storedToken,
} from "./support/world";

const AISHA = "aisha.khan@zylker-academy.example";
const DANIEL = "daniel.obrien@zylker-academy.example";
const SOFIA = "sofia.rossi@zylker-academy.example";
const KWAME = "kwame.mensah@zylker-academy.example";
const HANA = "hana.yamada@zylker-academy.example";
const TWO_HOURS = 2 * 60 * 60 * 1000;

test("a student signs in and sees their own records; tokens are sealed", async ({
  portal,
  page,
  context,
}) => {
  await portal.signIn(AISHA);
  await portal.expectDashboardOf("Aisha Khan");
  await expect(page.getByText("Student", { exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Students" }).first().click();
  await expect(page.getByRole("table")).toBeVisible();
  const owners = await page
    .locator("tbody tr td:nth-child(4)")
    .allTextContents();
  expect(owners.length).toBeGreaterThan(0);
  expect(new Set(owners)).toEqual(new Set(["Aisha Khan"]));

  const token = await storedToken(AISHA);
  expect(token?.refreshToken).toBeTruthy();
  expect(token?.accessToken).toBeTruthy();
  expect(countRows("oauth_tokens")).toBeGreaterThanOrEqual(1);
  const raw = databaseBytes();
  for (const value of [token!.accessToken!, token!.refreshToken!]) {
    expect(raw.includes(Buffer.from(value))).toBe(false);
  }
  await rememberSession(context, AISHA);
});

test("after two hours a reload still shows the records, with one refresh", async ({
  portal,
  page,
}) => {
  await portal.signIn(DANIEL);
  await emulator.clearLog();
  await emulator.advanceClock(TWO_HOURS);

  await page.reload();
  await portal.expectDashboardOf("Daniel O'Brien");
  await page.goto(`${portalUrl}/students`);
  await expect(page.getByRole("table")).toBeVisible();

  expect(await refreshCalls(DANIEL)).toHaveLength(1);
});

test("20 parallel requests with an expired token share one refresh", async ({
  portal,
  page,
  context,
}) => {
  await portal.signIn(AISHA);
  await expireStoredToken(AISHA);
  await emulator.advanceClock(TWO_HOURS);
  await emulator.clearLog();

  const responses = await Promise.all(
    Array.from({ length: 20 }, () => page.request.get(`${portalUrl}/students`)),
  );
  for (const response of responses) {
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toContain("<table");
    expect(html).not.toContain("could not be loaded");
  }
  expect(await refreshCalls(AISHA)).toHaveLength(1);
  await rememberSession(context, AISHA);
});

test("an EU user's calls all go to the EU data centre, refresh included", async ({
  portal,
  page,
  context,
}) => {
  await emulator.clearLog();
  await portal.signIn(SOFIA);
  await portal.expectDashboardOf("Sofia Rossi");
  await emulator.advanceClock(TWO_HOURS);
  await page.reload();
  await portal.expectDashboardOf("Sofia Rossi");

  const token = await storedToken(SOFIA);
  expect(token?.apiDomain).toBe(dataCentres.eu!.apiUrl);
  expect(token?.accountsServer).toBe(dataCentres.eu!.accountsUrl);
  const calls = (await emulator.log()).filter(
    (e) => e.user === SOFIA && e.kind !== "authorize",
  );
  expect(calls.some((e) => e.kind === "api")).toBe(true);
  expect(calls.filter((e) => e.grantType === "refresh_token")).toHaveLength(1);
  for (const call of calls) expect(call.dc).toBe("eu");
  await rememberSession(context, SOFIA);
});

test("a user without CRM API access sees one clear error, not zeros", async ({
  portal,
  page,
}) => {
  await portal.signIn(KWAME);

  await expect(page.getByText("Reference: ZOHO_NO_PERMISSION")).toHaveCount(1);
  await expect(page.getByText("could not be loaded")).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Your records" })).toHaveCount(
    0,
  );
  await page.goto(`${portalUrl}/students`);
  await expect(page.getByText("Reference: ZOHO_NO_PERMISSION")).toBeVisible();
  await expect(page.getByText(/You have no students/)).toHaveCount(0);
});

test("a sign-in that brings a new refresh token revokes the old one", async ({
  portal,
  page,
}) => {
  await portal.signIn(HANA);
  const first = (await storedToken(HANA))!.refreshToken!;

  await page.goto(`${portalUrl}/auth/consent`);
  await page.getByRole("button", { name: "Sign in with Zoho" }).click();
  await portal.consent.accept(HANA);
  await page.waitForURL(/\/dashboard$/);

  const second = (await storedToken(HANA))!.refreshToken!;
  expect(second).not.toBe(first);
  expect(await revokedAt(first)).not.toBeNull();
  expect(await revokedAt(second)).toBeNull();
  const rows = (await openTokenStore().getTokens()).filter(
    (t) => t.userSignature?.name === HANA,
  );
  expect(rows).toHaveLength(1);
});

test("an access token Zoho revoked gets one refresh and one retry", async ({
  portal,
  page,
}) => {
  await portal.signIn(DANIEL);
  const token = (await storedToken(DANIEL))!;
  await revokeAtZoho(token.accountsServer!, token.accessToken!);
  await emulator.clearLog();

  await page.goto(`${portalUrl}/students`);
  await expect(page.getByRole("table")).toBeVisible();
  expect(await refreshCalls(DANIEL)).toHaveLength(1);
  const after = (await storedToken(DANIEL))!;
  expect(after.accessToken).not.toBe(token.accessToken);
  expect(after.refreshToken).toBe(token.refreshToken);
});

test("a refresh token Zoho revoked ends the session with a message", async ({
  portal,
  page,
}) => {
  await portal.signIn(AISHA);
  const token = (await storedToken(AISHA))!;
  await revokeAtZoho(token.accountsServer!, token.refreshToken!);
  await emulator.advanceClock(TWO_HOURS);

  await page.goto(`${portalUrl}/enquiries`);
  await expect(page).toHaveURL(/\/\?ended=zoho_ended$/);
  await expect(page.getByText(/Your Zoho session ended/)).toBeVisible();
  expect(await storedToken(AISHA)).toBeNull();
  await page.goto(`${portalUrl}/dashboard`);
  await expect(page).toHaveURL(/\/\?ended=zoho_ended$/);

  // Zoho grants no new refresh token without consent: the portal asks.
  await portal.startSignIn();
  await portal.consent.accept(AISHA);
  await expect(page).toHaveURL(/\/auth\/consent$/);
  await page.getByRole("button", { name: "Sign in with Zoho" }).click();
  await portal.consent.accept(AISHA);
  await page.waitForURL(/\/dashboard$/);
  expect((await storedToken(AISHA))?.refreshToken).not.toBe(token.refreshToken);
});

/** Revokes a token at the emulator, as a user would in Zoho's settings. */
async function revokeAtZoho(accountsServer: string, value: string) {
  const url = new URL("/oauth/v2/token/revoke", accountsServer);
  url.searchParams.set("token", value);
  const response = await fetch(url, { method: "POST" });
  expect(response.status).toBe(200);
}

/** Moves the stored expiry into the past, as if an hour had gone by. */
async function expireStoredToken(email: string): Promise<void> {
  const store = openTokenStore();
  const token = await storedToken(email);
  await store.saveToken({ ...token!, expiryTime: Date.now() - 1000 });
}
