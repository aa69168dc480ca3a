import { describe, expect, it } from "vitest";
import { crmGet, refresh, signIn } from "./testing/flow";
import { control, USERS, useEmulator } from "./testing/setup";

const emulator = useEmulator();
const ME = "/crm/v8/users?type=CurrentUser";

function fault(body: Record<string, unknown>) {
  return control(emulator(), "POST", "/faults", body);
}

describe("fault injection", () => {
  it("answers TOO_MANY_REQUESTS 429 on the API", async () => {
    const s = await signIn(emulator(), { user: USERS.priya });
    await fault({ route: "api", kind: "429", times: 1 });
    const first = await crmGet(s.apiDomain, ME, s.accessToken);
    const second = await crmGet(s.apiDomain, ME, s.accessToken);

    expect(first.status).toBe(429);
    expect((await first.json()).code).toBe("TOO_MANY_REQUESTS");
    expect(second.status).toBe(200);
  });

  it("answers 5xx until cleared", async () => {
    const s = await signIn(emulator(), { user: USERS.priya });
    await fault({ route: "api", kind: "5xx", status: 503 });

    expect((await crmGet(s.apiDomain, ME, s.accessToken)).status).toBe(503);
    expect((await crmGet(s.apiDomain, ME, s.accessToken)).status).toBe(503);
    await control(emulator(), "DELETE", "/faults");
    expect((await crmGet(s.apiDomain, ME, s.accessToken)).status).toBe(200);
  });

  it("serves an HTML page instead of JSON", async () => {
    const s = await signIn(emulator(), { user: USERS.priya });
    await fault({ route: "token", kind: "html", times: 1 });
    const res = await fetch(`${s.accountsUrl}/oauth/v2/token`, {
      method: "POST",
    });

    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect(await res.text()).toContain("<!doctype html>");
  });

  it("answers the throttle body on the token route", async () => {
    const s = await signIn(emulator(), { user: USERS.priya });
    await fault({ route: "token", kind: "throttle", times: 1 });
    const { status, body } = await refresh(s.accountsUrl, s.refreshToken ?? "");

    expect(status).toBe(200);
    expect(body.error).toBe("Access Denied");
  });

  it("adds latency and then answers normally", async () => {
    const s = await signIn(emulator(), { user: USERS.priya });
    await fault({ route: "api", kind: "latency", latencyMs: 200, times: 1 });
    const started = Date.now();
    const res = await crmGet(s.apiDomain, ME, s.accessToken);

    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it("targets one data centre only", async () => {
    const us = await signIn(emulator(), { user: USERS.priya });
    const eu = await signIn(emulator(), { user: USERS.lena });
    await fault({ route: "api", dc: "eu", kind: "5xx" });

    expect((await crmGet(us.apiDomain, ME, us.accessToken)).status).toBe(200);
    expect((await crmGet(eu.apiDomain, ME, eu.accessToken)).status).toBe(500);
  });

  it("faults the authorize, revoke and userinfo routes", async () => {
    const s = await signIn(emulator(), { user: USERS.priya });
    for (const route of ["authorize", "revoke", "userinfo"]) {
      await fault({ route, kind: "5xx", times: 1 });
    }
    const auth = await fetch(`${s.accountsUrl}/oauth/v2/auth`);
    const revoke = await fetch(`${s.accountsUrl}/oauth/v2/token/revoke`, {
      method: "POST",
    });
    const info = await fetch(`${s.accountsUrl}/oauth/user/info`);

    expect([auth.status, revoke.status, info.status]).toEqual([500, 500, 500]);
  });

  it("rejects a malformed fault", async () => {
    const res = await fetch(`${emulator().controlUrl}/__emulator/faults`, {
      method: "POST",
      body: JSON.stringify({ route: "everything", kind: "5xx" }),
    });
    expect(res.status).toBe(400);
  });
});
