import { describe, expect, it } from "vitest";
import { crmGet, postForm, refresh, signIn } from "../testing/flow";
import { advance, control, USERS, useEmulator } from "../testing/setup";

const emulator = useEmulator();
const ME = "/crm/v8/users?type=CurrentUser";

async function offline(user = USERS.priya) {
  const s = await signIn(emulator(), { user, prompt: "consent" });
  return { ...s, refreshToken: s.refreshToken ?? "" };
}

describe("access tokens", () => {
  it("expire after one hour", async () => {
    const s = await offline();
    await advance(emulator(), 3_599_000);
    expect((await crmGet(s.apiDomain, ME, s.accessToken)).status).toBe(200);

    await advance(emulator(), 1_000);
    const res = await crmGet(s.apiDomain, ME, s.accessToken);
    expect(res.status).toBe(401);
    expect((await res.json()).code).toBe("INVALID_TOKEN");
  });
});

describe("refresh throttle", () => {
  it("denies the 11th refresh inside 10 minutes with Access Denied", async () => {
    const s = await offline();
    for (let i = 0; i < 10; i++) {
      const ok = await refresh(s.accountsUrl, s.refreshToken);
      expect(ok.body.access_token).toBeDefined();
      expect(ok.body).not.toHaveProperty("refresh_token");
    }
    const denied = await refresh(s.accountsUrl, s.refreshToken);

    expect(denied.status).toBe(200);
    expect(denied.body).toEqual({
      error_description: expect.stringContaining("too many requests"),
      error: "Access Denied",
      status: "failure",
    });
  });

  it("stays denied for the rest of the window, then allows again", async () => {
    const s = await offline();
    for (let i = 0; i < 10; i++) await refresh(s.accountsUrl, s.refreshToken);
    await advance(emulator(), 599_000);
    expect((await refresh(s.accountsUrl, s.refreshToken)).body.error).toBe(
      "Access Denied",
    );

    await advance(emulator(), 1_000);
    const again = await refresh(s.accountsUrl, s.refreshToken);
    expect(again.body.access_token).toBeDefined();
  });
});

describe("live access tokens per refresh token", () => {
  it("evicts the oldest when the 16th is minted", async () => {
    const s = await offline();
    const tokens = [s.accessToken];
    for (let i = 1; i < 16; i++) {
      if (i === 10) await advance(emulator(), 600_000);
      const r = await refresh(s.accountsUrl, s.refreshToken);
      tokens.push(String(r.body.access_token));
    }

    const first = await crmGet(s.apiDomain, ME, tokens[0] ?? "");
    const second = await crmGet(s.apiDomain, ME, tokens[1] ?? "");
    const last = await crmGet(s.apiDomain, ME, tokens[15] ?? "");
    expect(first.status).toBe(401);
    expect((await first.json()).code).toBe("INVALID_TOKEN");
    expect(second.status).toBe(200);
    expect(last.status).toBe(200);
  });
});

describe("refresh tokens per user and client", () => {
  it("silently deletes the oldest and its access tokens at the 21st", async () => {
    const oldest = await offline(USERS.daniel);
    for (let i = 1; i < 20; i++) await offline(USERS.daniel);
    expect(
      (await crmGet(oldest.apiDomain, ME, oldest.accessToken)).status,
    ).toBe(200);

    const newest = await offline(USERS.daniel);
    expect(newest.refreshToken).toMatch(/^1000\./);
    const api = await crmGet(oldest.apiDomain, ME, oldest.accessToken);
    const again = await refresh(oldest.accountsUrl, oldest.refreshToken);
    expect(api.status).toBe(401);
    expect(again.body).toEqual({ error: "invalid_code" });

    const list = await control(emulator(), "GET", "/refresh-tokens");
    expect(list).toHaveLength(21);
    expect(list.filter((t: any) => t.evictedAt !== null)).toHaveLength(1);
  });

  it("counts per user: another user's tokens are untouched", async () => {
    const aisha = await offline(USERS.aisha);
    for (let i = 0; i < 21; i++) await offline(USERS.daniel);

    const again = await refresh(aisha.accountsUrl, aisha.refreshToken);
    expect(again.body.access_token).toBeDefined();
  });
});

describe("POST /oauth/v2/token/revoke", () => {
  it("revokes a refresh token and every access token minted from it", async () => {
    const s = await offline();
    const minted = await refresh(s.accountsUrl, s.refreshToken);
    const revoke = await postForm(
      `${s.accountsUrl}/oauth/v2/token/revoke?token=${s.refreshToken}`,
      {},
    );

    expect(revoke).toEqual({ status: 200, body: { status: "success" } });
    for (const token of [s.accessToken, String(minted.body.access_token)]) {
      const res = await crmGet(s.apiDomain, ME, token);
      expect((await res.json()).code).toBe("INVALID_TOKEN");
    }
    const again = await refresh(s.accountsUrl, s.refreshToken);
    expect(again.body).toEqual({ error: "invalid_code" });

    const list = await control(emulator(), "GET", "/refresh-tokens");
    expect(list[0].revokedAt).toEqual(expect.any(Number));
  });

  it("answers 400 for an unknown or already revoked token", async () => {
    const s = await offline();
    const url = `${s.accountsUrl}/oauth/v2/token/revoke`;
    await postForm(url, { token: s.refreshToken });

    expect((await postForm(url, { token: s.refreshToken })).status).toBe(400);
    expect((await postForm(url, { token: "1000.x.y" })).status).toBe(400);
    expect((await postForm(url, {})).status).toBe(400);
  });

  it("revokes a single access token", async () => {
    const s = await offline();
    const url = `${s.accountsUrl}/oauth/v2/token/revoke`;
    await postForm(url, { token: s.accessToken });

    expect((await crmGet(s.apiDomain, ME, s.accessToken)).status).toBe(401);
    const fresh = await refresh(s.accountsUrl, s.refreshToken);
    expect(fresh.body.access_token).toBeDefined();
  });
});

describe("configurable limits", () => {
  it("reads every limit from the options", async () => {
    const { startEmulator } = await import("../server");
    const { TEST_CLIENT } = await import("../testing/flow");
    const emu = await startEmulator({
      clients: [TEST_CLIENT],
      quiet: true,
      limits: { refreshesPerWindow: 2, accessTokenTtlMs: 60_000 },
    });
    const s = await signIn(emu, { user: USERS.priya });
    await refresh(s.accountsUrl, s.refreshToken ?? "");
    const second = await refresh(s.accountsUrl, s.refreshToken ?? "");
    const third = await refresh(s.accountsUrl, s.refreshToken ?? "");
    await emu.stop();

    expect(s.body.expires_in).toBe(60);
    expect(second.body.access_token).toBeDefined();
    expect(third.body.error).toBe("Access Denied");
  });
});
