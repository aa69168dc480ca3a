import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import { consent, signIn, TEST_CLIENT } from "@/emulator/testing/flow";
import { advance, control, USERS, useEmulator } from "@/emulator/testing/setup";

import { ZohoError, type ZohoErrorCode } from "./errors";
import { exchangeCode, refreshAccessToken, revokeRefreshToken } from "./oauth";
import { fetchProfile } from "./profile";

const emulator = useEmulator();
const HOUR_MS = 3_600_000;
const client = {
  clientId: TEST_CLIENT.clientId,
  clientSecret: TEST_CLIENT.clientSecret,
};
const redirectUri = TEST_CLIENT.redirectUris[0]!;
const us = () => emulator().dataCentres.us!.accountsUrl;

/** A fresh grant code for `user`, from the consent page. */
async function grantCode(user = USERS.aisha) {
  const back = await consent(emulator(), { user });
  return {
    code: back.searchParams.get("code")!,
    accountsServer: back.searchParams.get("accounts-server")!,
  };
}

async function signedIn(user = USERS.aisha) {
  const tokens = await signIn(emulator(), { user });
  return { accountsServer: tokens.accountsUrl, ...tokens };
}

function fault(route: string, kind: string, status?: number) {
  return control(emulator(), "POST", "/faults", { route, kind, status });
}

async function expectZohoError(call: Promise<unknown>, codes: ZohoErrorCode[]) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZohoError);
  expect(codes).toContain((error as ZohoError).code);
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

describe("exchangeCode", () => {
  it("returns tokens with an absolute expiry an hour ahead", async () => {
    const { code, accountsServer } = await grantCode();

    const tokens = await exchangeCode({
      accountsServer,
      client,
      code,
      redirectUri,
    });

    expect(tokens.accessToken).toMatch(/^1000\./);
    expect(tokens.refreshToken).toMatch(/^1000\./);
    expect(tokens.apiDomain).toBe(emulator().dataCentres.us!.apiUrl);
    expect(Math.abs(tokens.expiryTime - (Date.now() + HOUR_MS))).toBeLessThan(
      10_000,
    );
  });

  it("refuses a used code with ZOHO_CODE_INVALID", async () => {
    const input = { ...(await grantCode()), client, redirectUri };
    await exchangeCode(input);

    await expectZohoError(exchangeCode(input), ["ZOHO_CODE_INVALID"]);
  });

  it("reports a wrong client secret as ZOHO_CLIENT_REJECTED", async () => {
    const { code, accountsServer } = await grantCode();
    const wrong = { ...client, clientSecret: "not-the-secret-at-all" };

    await expectZohoError(
      exchangeCode({ accountsServer, client: wrong, code, redirectUri }),
      ["ZOHO_CLIENT_REJECTED"],
    );
  });

  it("reports an unreachable accounts server as ZOHO_UNREACHABLE", async () => {
    const accountsServer = `http://127.0.0.1:${await closedPort()}`;

    await expectZohoError(
      exchangeCode({ accountsServer, client, code: "1000.x", redirectUri }),
      ["ZOHO_UNREACHABLE"],
    );
  });
});

describe("refreshAccessToken", () => {
  it("mints a new access token that expires about an hour ahead", async () => {
    const { accountsServer, refreshToken, accessToken } = await signedIn();

    const fresh = await refreshAccessToken({
      accountsServer,
      client,
      refreshToken: refreshToken!,
    });

    expect(fresh.accessToken).not.toBe(accessToken);
    expect(fresh.refreshToken).toBeUndefined();
    expect(Math.abs(fresh.expiryTime - (Date.now() + HOUR_MS))).toBeLessThan(
      10_000,
    );
  });

  it("reports a revoked refresh token as ZOHO_TOKEN_REVOKED", async () => {
    const { accountsServer, refreshToken } = await signedIn();
    await revokeRefreshToken({ accountsServer, refreshToken: refreshToken! });

    await expectZohoError(
      refreshAccessToken({
        accountsServer,
        client,
        refreshToken: refreshToken!,
      }),
      ["ZOHO_TOKEN_REVOKED"],
    );
  });

  it.each([
    ["throttle", ["ZOHO_THROTTLED"]],
    ["5xx", ["ZOHO_UNEXPECTED_STATUS"]],
    ["html", ["ZOHO_MALFORMED_RESPONSE", "ZOHO_UNEXPECTED_STATUS"]],
  ] as const)("fails on a %s answer", async (kind, codes) => {
    const { accountsServer, refreshToken } = await signedIn();
    await fault("token", kind);

    await expectZohoError(
      refreshAccessToken({
        accountsServer,
        client,
        refreshToken: refreshToken!,
      }),
      [...codes],
    );
  });
});

describe("revokeRefreshToken", () => {
  it("does not throw for a token Zoho does not know", async () => {
    await expect(
      revokeRefreshToken({ accountsServer: us(), refreshToken: "1000.a.b" }),
    ).resolves.toBeUndefined();
  });
});

describe("fetchProfile", () => {
  it("reads the signed-in user's ZUID, email and name", async () => {
    const { accountsServer, accessToken } = await signedIn();

    const profile = await fetchProfile({ accountsServer, accessToken });

    expect(profile).toEqual({
      zuid: "801000003",
      email: USERS.aisha,
      displayName: "Aisha Khan",
    });
  });

  it("reports an expired access token as ZOHO_INVALID_TOKEN", async () => {
    const { accountsServer, accessToken } = await signedIn();
    await advance(emulator(), 2 * HOUR_MS);

    await expectZohoError(fetchProfile({ accountsServer, accessToken }), [
      "ZOHO_INVALID_TOKEN",
    ]);
  });

  it("does not accept an HTML page served with HTTP 200", async () => {
    const { accountsServer, accessToken } = await signedIn();
    await fault("userinfo", "html");

    await expectZohoError(fetchProfile({ accountsServer, accessToken }), [
      "ZOHO_MALFORMED_RESPONSE",
      "ZOHO_UNEXPECTED_STATUS",
    ]);
  });
});

describe("token answers from a stand-in server", () => {
  let legacy: Server | undefined;
  afterEach(() => new Promise((r) => (legacy ? legacy.close(r) : r(null))));

  it("reads the lifetime from expires_in_sec, not ms", async () => {
    legacy = createServer((_req, res) => {
      res.setHeader("content-type", "application/json;charset=UTF-8");
      res.end(
        JSON.stringify({
          access_token: "1000.legacy.token",
          api_domain: "https://www.zohoapis.com",
          expires_in: 3_600_000,
          expires_in_sec: 3600,
        }),
      );
    });
    await new Promise<void>((r) => legacy!.listen(0, "127.0.0.1", r));
    const { port } = legacy.address() as AddressInfo;

    const tokens = await refreshAccessToken({
      accountsServer: `http://127.0.0.1:${port}`,
      client,
      refreshToken: "1000.legacy.refresh",
    });

    expect(tokens.accessToken).toBe("1000.legacy.token");
    expect(Math.abs(tokens.expiryTime - (Date.now() + HOUR_MS))).toBeLessThan(
      10_000,
    );
  });

  it("reads Zoho's error from a 400 answer, as RFC 6749 sends it", async () => {
    legacy = createServer((_req, res) => {
      res.statusCode = 400;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ error: "invalid_code" }));
    });
    await new Promise<void>((r) => legacy!.listen(0, "127.0.0.1", r));
    const { port } = legacy.address() as AddressInfo;

    const refreshing = refreshAccessToken({
      accountsServer: `http://127.0.0.1:${port}`,
      client,
      refreshToken: "1000.revoked.refresh",
    });

    await expectZohoError(refreshing, ["ZOHO_TOKEN_REVOKED"]);
  });
});
