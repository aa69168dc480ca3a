import { expect, test } from "./support/fixtures";
import { countRows, emulator, portalUrl } from "./support/world";

const HANA = "hana.yamada@zylker-academy.example";

test("Deny on the consent page ends on the error page, nothing stored", async ({
  portal,
}) => {
  const before = countRows("oauth_tokens");
  await portal.startSignIn();
  await portal.consent.deny(HANA);
  await portal.expectSignInError("CONSENT_DENIED");
  expect(countRows("oauth_tokens")).toBe(before);
});

test("a callback with a wrong or missing state is refused", async ({
  portal,
  page,
}) => {
  const before = countRows("portal_sessions");
  for (const state of ["forged-state", null]) {
    const callback = await captureCallback(portal, page);
    if (state) callback.searchParams.set("state", state);
    else callback.searchParams.delete("state");
    await page.goto(callback.toString());
    await portal.expectSignInError("STATE_MISMATCH");
  }
  expect(countRows("portal_sessions")).toBe(before);
});

test("a replayed callback (the code reused) is refused", async ({
  portal,
  page,
  browser,
}) => {
  const callback = await captureCallback(portal, page);
  const cookies = await page.context().cookies();
  await page.goto(callback.toString());
  // Signed in, or asked for consent again when Zoho sent no refresh token:
  // either way the code is used.
  await page.waitForURL(/\/(dashboard|auth\/consent)$/);
  const sessions = countRows("portal_sessions");

  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const replayPage = await replay.newPage();
  await replayPage.goto(callback.toString());
  await expect(replayPage).toHaveURL(/\/auth\/error\?code=CODE_INVALID/);
  expect(countRows("portal_sessions")).toBe(sessions);
  await replay.close();
});

test("an accounts server off the allowlist never gets the code", async ({
  portal,
  page,
}) => {
  const before = countRows("oauth_tokens");
  const callback = await captureCallback(portal, page);
  callback.searchParams.set("accounts-server", "http://127.0.0.1:9/");
  await emulator.clearLog();

  await page.goto(callback.toString());
  await portal.expectSignInError("DC_NOT_ALLOWED");
  const tokenCalls = (await emulator.log()).filter((e) => e.kind === "token");
  expect(tokenCalls).toHaveLength(0);
  expect(countRows("oauth_tokens")).toBe(before);
});

test("a callback with a repeated parameter is refused", async ({
  portal,
  page,
}) => {
  const before = countRows("portal_sessions");
  const callback = await captureCallback(portal, page);
  callback.searchParams.append("state", "forged-state");

  await page.goto(callback.toString());
  await portal.expectSignInError("SIGN_IN_FAILED");
  expect(countRows("portal_sessions")).toBe(before);
});

test("crafted message keys show the plain pages, never a 500", async ({
  page,
}) => {
  for (const path of [
    "/?ended=constructor",
    "/?ended=__proto__",
    "/auth/error?code=constructor",
    "/auth/error?code=toString",
  ]) {
    const response = await page.goto(`${portalUrl}${path}`);
    expect(response?.status()).toBe(200);
  }
  await expect(page.getByText("Reference: SIGN_IN_FAILED")).toBeVisible();
});

/**
 * Signs in up to Zoho's redirect back and stops there: returns the
 * callback URL Zoho sent the browser to, with the browser still holding
 * next-auth's state and PKCE cookies.
 */
async function captureCallback(
  portal: import("./pages/portal").PortalPage,
  page: import("@playwright/test").Page,
): Promise<URL> {
  let captured: URL | undefined;
  await page.route("**/oauth/v2/auth", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const answer = await route.fetch({ maxRedirects: 0 });
    captured = new URL(answer.headers()["location"]!);
    await route.fulfill({ status: 200, body: "Zoho's redirect captured" });
  });
  await portal.startSignIn();
  await portal.consent.chooseUser(HANA);
  await page.getByRole("button", { name: "Accept" }).click();
  await expect.poll(() => captured?.toString()).toContain(portalUrl);
  await page.unroute("**/oauth/v2/auth");
  return captured!;
}
