import { describe, expect, it } from "vitest";
import { signIn } from "../testing/flow";
import { USERS, useEmulator } from "../testing/setup";

const emulator = useEmulator();

function getInfo(url: string, token: string, scheme = "Zoho-oauthtoken") {
  return fetch(url, { headers: { authorization: `${scheme} ${token}` } });
}

describe("GET /oauth/user/info", () => {
  it("returns ZUID, Email, First_Name, Last_Name and Display_Name", async () => {
    const s = await signIn(emulator(), { user: USERS.omar });
    const res = await getInfo(
      `${s.accountsUrl}/oauth/user/info`,
      s.accessToken,
    );

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ZUID: 801000008,
      Email: USERS.omar,
      First_Name: "عمر",
      Last_Name: "حداد",
      Display_Name: "عمر حداد",
    });
  });

  it("accepts a Bearer header too", async () => {
    const s = await signIn(emulator(), { user: USERS.priya });
    const res = await getInfo(
      `${s.accountsUrl}/oauth/user/info`,
      s.accessToken,
      "Bearer",
    );

    expect(res.status).toBe(200);
  });

  it("needs AaaServer.profile.READ", async () => {
    const s = await signIn(emulator(), {
      user: USERS.priya,
      scope: "ZohoCRM.modules.ALL",
    });
    const res = await getInfo(
      `${s.accountsUrl}/oauth/user/info`,
      s.accessToken,
    );

    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "INVALID_OAUTHSCOPE" });
  });

  it("rejects a missing or unknown token", async () => {
    const url = `${emulator().dataCentres.us?.accountsUrl}/oauth/user/info`;

    expect((await fetch(url)).status).toBe(401);
    expect((await getInfo(url, "1000.a.b")).status).toBe(401);
  });

  it("rejects a token at another data centre's accounts server", async () => {
    const s = await signIn(emulator(), { user: USERS.lena });
    const us = emulator().dataCentres.us?.accountsUrl;

    expect((await getInfo(`${us}/oauth/user/info`, s.accessToken)).status).toBe(
      401,
    );
  });
});

describe("GET /oauth/v2/userinfo", () => {
  it("returns OIDC claims for the openid scope", async () => {
    const s = await signIn(emulator(), {
      user: USERS.daniel,
      scope: "openid email profile",
    });
    const res = await getInfo(
      `${s.accountsUrl}/oauth/v2/userinfo`,
      s.accessToken,
      "Bearer",
    );

    expect(await res.json()).toMatchObject({
      sub: "801000002",
      email: USERS.daniel,
      email_verified: true,
      given_name: "Daniel",
      family_name: "O'Brien",
    });
  });

  it("needs the openid scope", async () => {
    const s = await signIn(emulator(), { user: USERS.daniel });
    const res = await getInfo(
      `${s.accountsUrl}/oauth/v2/userinfo`,
      s.accessToken,
    );

    expect(res.status).toBe(401);
  });
});
