import { describe, expect, it } from "vitest";
import {
  consent,
  crmGet,
  exchangeCode,
  postForm,
  refresh,
  signIn,
} from "../testing/flow";
import { USERS, useEmulator } from "../testing/setup";

const emulator = useEmulator();
const dc = (name: string) => {
  const found = emulator().dataCentres[name];
  if (!found) throw new Error(`no ${name}`);
  return found;
};

describe("data centres", () => {
  it("serves US and EU on separate origins", () => {
    const origins = new Set([
      dc("us").accountsUrl,
      dc("us").apiUrl,
      dc("eu").accountsUrl,
      dc("eu").apiUrl,
    ]);

    expect(origins.size).toBe(4);
    expect(dc("eu").location).toBe("eu");
  });

  it("returns the EU API origin as api_domain for an EU user", async () => {
    const s = await signIn(emulator(), { user: USERS.omar });

    expect(s.accountsUrl).toBe(dc("eu").accountsUrl);
    expect(s.apiDomain).toBe(dc("eu").apiUrl);
  });

  it("rejects an EU token on the US API origin with INVALID_TOKEN", async () => {
    const s = await signIn(emulator(), { user: USERS.lena });
    const res = await crmGet(dc("us").apiUrl, "/crm/v8/org", s.accessToken);

    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      code: "INVALID_TOKEN",
      details: {},
      message: "invalid oauth token",
      status: "error",
    });
  });

  it("rejects an EU code exchanged at the US accounts server", async () => {
    const back = await consent(emulator(), { user: USERS.sofia });
    const code = back.searchParams.get("code") ?? "";

    expect((await exchangeCode(dc("us").accountsUrl, code)).body).toEqual({
      error: "invalid_code",
    });
  });

  it("rejects an EU refresh token at the US accounts server", async () => {
    const s = await signIn(emulator(), { user: USERS.sofia });
    const { body } = await refresh(dc("us").accountsUrl, s.refreshToken ?? "");

    expect(body).toEqual({ error: "invalid_code" });
  });

  it("will not revoke an EU token at the US accounts server", async () => {
    const s = await signIn(emulator(), { user: USERS.sofia });
    const res = await postForm(
      `${dc("us").accountsUrl}/oauth/v2/token/revoke`,
      { token: s.refreshToken ?? "" },
    );

    expect(res.status).toBe(400);
    expect(
      (await crmGet(s.apiDomain, "/crm/v8/org", s.accessToken)).status,
    ).toBe(200);
  });

  it("lists every served data centre in /oauth/serverinfo", async () => {
    const info = await (
      await fetch(`${dc("us").accountsUrl}/oauth/serverinfo`)
    ).json();

    expect(info.locations).toEqual({
      us: dc("us").accountsUrl,
      eu: dc("eu").accountsUrl,
    });
  });
});
