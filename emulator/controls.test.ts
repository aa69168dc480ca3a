import { describe, expect, it } from "vitest";
import { consent, crmGet, exchangeCode, refresh, signIn } from "./testing/flow";
import { advance, control, USERS, useEmulator } from "./testing/setup";
import { digestOf } from "./http/digest";

const emulator = useEmulator();
const ME = "/crm/v8/users?type=CurrentUser";

describe("/__emulator controls", () => {
  it("moves the clock forward and reads it", async () => {
    const before = (await control(emulator(), "GET", "/clock")).now;
    const after = (await advance(emulator(), 3_600_000)).now;

    expect(after - before).toBeGreaterThanOrEqual(3_600_000);
  });

  it("logs calls with digests and never a secret", async () => {
    const s = await signIn(emulator(), { user: USERS.priya });
    await crmGet(s.apiDomain, ME, s.accessToken);
    await refresh(s.accountsUrl, s.refreshToken ?? "");
    const { entries } = await control(emulator(), "GET", "/log");
    const text = JSON.stringify(entries);

    expect(text).not.toContain(s.accessToken);
    expect(text).not.toContain(s.refreshToken);
    expect(entries).toContainEqual(
      expect.objectContaining({
        kind: "api",
        dc: "us",
        method: "GET",
        path: "/crm/v8/users",
        status: 200,
        tokenDigest: digestOf(s.accessToken),
        user: USERS.priya,
      }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({
        kind: "token",
        grantType: "refresh_token",
        tokenDigest: digestOf(s.refreshToken ?? ""),
        status: 200,
      }),
    );
  });

  it("logs the Zoho error code of a failed call", async () => {
    const back = await consent(emulator(), { user: USERS.priya });
    const code = back.searchParams.get("code") ?? "";
    await exchangeCode(back.searchParams.get("accounts-server") ?? "", code);
    await exchangeCode(back.searchParams.get("accounts-server") ?? "", code);
    const { entries } = await control(emulator(), "GET", "/log");

    expect(entries.at(-1)).toMatchObject({
      kind: "token",
      error: "invalid_code",
      clientId: expect.any(String),
    });
  });

  it("clears the log", async () => {
    await signIn(emulator(), { user: USERS.priya });
    await control(emulator(), "DELETE", "/log");

    expect((await control(emulator(), "GET", "/log")).entries).toEqual([]);
  });

  it("resets tokens, clock and faults but keeps clients", async () => {
    const s = await signIn(emulator(), { user: USERS.priya });
    await advance(emulator(), 10_000_000);
    await control(emulator(), "POST", "/faults", { route: "api", kind: "5xx" });
    await control(emulator(), "POST", "/reset");

    expect((await crmGet(s.apiDomain, ME, s.accessToken)).status).toBe(401);
    expect((await control(emulator(), "GET", "/clock")).now).toBeLessThan(
      Date.now() + 60_000,
    );
    expect(await control(emulator(), "GET", "/refresh-tokens")).toEqual([]);
    const again = await signIn(emulator(), { user: USERS.priya });
    expect((await crmGet(again.apiDomain, ME, again.accessToken)).status).toBe(
      200,
    );
  });

  it("registers a client at run time", async () => {
    const client = {
      clientId: "1000.RUNTIME",
      clientSecret: "runtime-secret",
      name: "Runtime <Portal>",
      redirectUris: ["http://127.0.0.1:3999/api/auth/callback/zoho"],
    };
    const ok = await control(emulator(), "POST", "/clients", client);
    const s = await signIn(emulator(), { user: USERS.aisha, client });

    expect(ok).toEqual({ status: "success" });
    expect(s.accessToken).toMatch(/^1000\./);
  });

  it("rejects a malformed client", async () => {
    const res = await fetch(`${emulator().controlUrl}/__emulator/clients`, {
      method: "POST",
      body: "{",
    });
    expect(res.status).toBe(400);
  });

  it("lists refresh tokens by digest", async () => {
    const s = await signIn(emulator(), { user: USERS.lena });
    const list = await control(emulator(), "GET", "/refresh-tokens");

    expect(list).toEqual([
      {
        digest: digestOf(s.refreshToken ?? ""),
        user: USERS.lena,
        clientId: expect.any(String),
        dc: "eu",
        createdAt: expect.any(Number),
        revokedAt: null,
        evictedAt: null,
      },
    ]);
  });

  it("lists the seeded users", async () => {
    const users = await control(emulator(), "GET", "/users");

    expect(users).toHaveLength(8);
    expect(users[0]).toEqual({
      email: USERS.priya,
      name: "Priya Raman",
      dc: "us",
      profile: "Administrator",
      role: "Coordinator",
    });
  });

  it("serves the controls on every origin", async () => {
    const eu = emulator().dataCentres.eu?.apiUrl;
    const res = await fetch(`${eu}/__emulator/clock`);
    expect((await res.json()).now).toEqual(expect.any(Number));
  });
});
