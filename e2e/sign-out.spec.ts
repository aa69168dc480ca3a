import { expect, rememberSession, test } from "./support/fixtures";
import { portalUrl } from "./support/world";

const LENA = "lena.schmidt@zylker-academy.example";

test("sign-out ends the session; the old cookie replayed is refused", async ({
  portal,
  page,
  browser,
}) => {
  await portal.signIn(LENA);
  await rememberSession(page.context(), LENA);
  const cookies = await page.context().cookies();

  await portal.signOut();
  await page.goto(`${portalUrl}/dashboard`);
  await expect(page).toHaveURL(/\/(\?.*)?$/);
  await expect(
    page.getByRole("button", { name: "Sign in with Zoho" }),
  ).toBeVisible();

  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const replayPage = await replay.newPage();
  await replayPage.goto(`${portalUrl}/dashboard`);
  await expect(replayPage).toHaveURL(/\/\?ended=signed_out$/);
  await expect(
    replayPage.getByRole("heading", { name: "Dashboard" }),
  ).toHaveCount(0);
  const session = await replay.request.get(`${portalUrl}/api/auth/session`);
  expect(await session.json()).toEqual({});
  await replay.close();
});
