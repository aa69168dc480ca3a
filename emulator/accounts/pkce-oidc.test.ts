import { createHash } from "node:crypto";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { consent, exchangeCode, TEST_CLIENT } from "../testing/flow";
import { USERS, useEmulator } from "../testing/setup";

const emulator = useEmulator();
const us = () => emulator().dataCentres.us?.accountsUrl ?? "";

async function codeFor(user = USERS.priya, extra?: Record<string, string>) {
  const back = await consent(emulator(), { user, extra });
  return back.searchParams.get("code") ?? "";
}

describe("PKCE", () => {
  const verifier = "v".repeat(50);
  const s256 = createHash("sha256").update(verifier).digest("base64url");

  it.each([
    ["S256", s256],
    ["plain", verifier],
  ])("verifies %s when sent", async (method, challenge) => {
    const extra = { code_challenge: challenge, code_challenge_method: method };
    const good = await exchangeCode(
      us(),
      await codeFor(USERS.priya, extra),
      TEST_CLIENT,
      { code_verifier: verifier },
    );
    const bad = await exchangeCode(
      us(),
      await codeFor(USERS.priya, extra),
      TEST_CLIENT,
      { code_verifier: "w".repeat(50) },
    );

    expect(good.body.access_token).toBeDefined();
    expect(bad.body).toEqual({ error: "invalid_code" });
  });

  it("requires the verifier once a challenge was sent", async () => {
    const extra = { code_challenge: s256, code_challenge_method: "S256" };
    const { body } = await exchangeCode(
      us(),
      await codeFor(USERS.priya, extra),
    );

    expect(body).toEqual({ error: "invalid_code" });
  });
});

describe("OpenID Connect", () => {
  it("signs an id_token that verifies against the JWKS", async () => {
    const back = await consent(emulator(), {
      user: USERS.hana,
      scope: "openid,email,profile",
      extra: { nonce: "n-1" },
    });
    const { body } = await exchangeCode(
      us(),
      back.searchParams.get("code") ?? "",
    );
    const jwks = createRemoteJWKSet(new URL(`${us()}/oauth/v2/keys`));
    const { payload } = await jwtVerify(String(body.id_token), jwks, {
      issuer: us(),
      audience: TEST_CLIENT.clientId,
    });

    expect(payload).toMatchObject({
      sub: "801000004",
      email: USERS.hana,
      name: "山田 花",
      nonce: "n-1",
    });
  });

  it("serves the discovery document", async () => {
    const doc = await (
      await fetch(`${us()}/.well-known/openid-configuration`)
    ).json();

    expect(doc.issuer).toBe(us());
    expect(doc.jwks_uri).toBe(`${us()}/oauth/v2/keys`);
    expect(doc.code_challenge_methods_supported).toEqual(["plain", "S256"]);
  });
});
