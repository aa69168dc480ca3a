import { describe, expect, it } from "vitest";
import { crmGet, signIn } from "../testing/flow";
import { USERS, useEmulator } from "../testing/setup";

const emulator = useEmulator();

async function as(user: string, scope?: string) {
  const s = await signIn(emulator(), { user, scope });
  return (path: string) => crmGet(s.apiDomain, path, s.accessToken);
}

describe("errors", () => {
  it("answers AUTHENTICATION_FAILURE without a usable header", async () => {
    const api = emulator().dataCentres.us?.apiUrl;
    const headerSets: Record<string, string>[] = [
      {},
      { authorization: "Bearer" },
      { authorization: "Zoho-oauthtoken " },
      { authorization: "Basic abc" },
    ];
    for (const headers of headerSets) {
      const res = await fetch(`${api}/crm/v8/org`, { headers });
      expect(res.status).toBe(401);
      expect((await res.json()).code).toBe("AUTHENTICATION_FAILURE");
    }
  });

  it("answers INVALID_TOKEN for an unknown token", async () => {
    const api = emulator().dataCentres.us?.apiUrl ?? "";
    const res = await crmGet(api, "/crm/v8/org", "1000.abc.def");

    expect(res.status).toBe(401);
    expect((await res.json()).code).toBe("INVALID_TOKEN");
  });

  it("answers OAUTH_SCOPE_MISMATCH when the token lacks the scope", async () => {
    const get = await as(USERS.priya, "ZohoCRM.modules.leads.READ");
    const res = await get("/crm/v8/Contacts?fields=Email");

    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      code: "OAUTH_SCOPE_MISMATCH",
      details: {},
      message: "invalid oauth scope to access this URL",
      status: "error",
    });
    expect((await get("/crm/v8/Leads?fields=Email")).status).toBe(200);
    expect((await get("/crm/v8/org")).status).toBe(401);
  });

  it("grants every module with ZohoCRM.modules.ALL", async () => {
    const get = await as(USERS.priya, "ZohoCRM.modules.ALL");
    expect((await get("/crm/v8/Deals?fields=Amount")).status).toBe(200);
  });

  it("answers INVALID_MODULE for an unknown module", async () => {
    const res = await (await as(USERS.priya))("/crm/v8/Courses?fields=Name");

    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe("INVALID_MODULE");
  });

  it("answers NO_PERMISSION for a profile without API access", async () => {
    const res = await (await as(USERS.kwame))("/crm/v8/users?type=CurrentUser");

    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      code: "NO_PERMISSION",
      details: { permissions: ["Crm_Implied_Api_Access"] },
      message: "permission denied",
      status: "error",
    });
  });

  it("answers INVALID_URL_PATTERN for an unknown path", async () => {
    const api = emulator().dataCentres.us?.apiUrl;
    const res = await fetch(`${api}/crm/v2/whatever/else/here`);

    expect(res.status).toBe(404);
    expect((await res.json()).code).toBe("INVALID_URL_PATTERN");
  });

  it("rejects a repeated query parameter", async () => {
    const res = await (
      await as(USERS.priya)
    )("/crm/v8/Leads?fields=Email&page=1&page=2");

    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: "INVALID_DATA",
      details: { param_name: "page" },
    });
  });
});
