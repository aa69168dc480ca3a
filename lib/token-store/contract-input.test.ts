import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { TokenStoreError } from "./errors";
import { BACKENDS, removeTempDirs } from "./testing/backends";
import type { OAuthToken, PortalTokenStore } from "./types";

afterAll(removeTempDirs);

const valid = (): Record<string, unknown> => ({
  userSignature: { name: "alice@example.com" },
  clientId: "client-1",
  accessToken: "access-alice",
});

const BAD_FIELDS: Array<[string, Record<string, unknown>, string]> = [
  ["a number as access token", { accessToken: 42 }, "accessToken"],
  ["an empty refresh token", { refreshToken: "" }, "refreshToken"],
  [
    "a 4 KB + 1 client secret",
    { clientSecret: "x".repeat(4097) },
    "clientSecret",
  ],
  [
    "4 KB of bytes in fewer chars",
    { grantToken: "é".repeat(2049) },
    "grantToken",
  ],
  ["an object as client id", { clientId: { $ne: 1 } }, "clientId"],
  ["a string as expiry time", { expiryTime: "1700000000000" }, "expiryTime"],
  ["a fractional expiry time", { expiryTime: 1.5 }, "expiryTime"],
  [
    "a name that is not a string",
    { userSignature: { name: 7 } },
    "userSignature.name",
  ],
  ["a signature that is a string", { userSignature: "alice" }, "userSignature"],
  ["a lone surrogate", { accessToken: "a\ud800b" }, "accessToken"],
  ["a NUL character", { apiDomain: "https://x\u0000" }, "apiDomain"],
  ["an empty id", { id: "" }, "id"],
  ["a numeric id", { id: 7 }, "id"],
];

const VERBATIM = [
  "O'Brien",
  "x' OR '1'='1",
  "7 OR 1=1",
  "robert'); DROP TABLE oauth_tokens;--",
  '%_*\\"`[]',
  "👩🏽‍🏫 teacher@example.com",
  "مدرس@example.com",
  "עברית ‏mixed‎ LTR",
  "名前",
];

describe.each(BACKENDS)("TokenStore contract, input: $name", (backend) => {
  let store: PortalTokenStore;
  beforeEach(() => {
    store = backend.create();
  });
  afterEach(() => store.close());

  it.each(BAD_FIELDS)("refuses %s, naming the field", async (_, bad, field) => {
    const token = { ...valid(), ...bad } as OAuthToken;

    const error = await store.saveToken(token).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TokenStoreError);
    expect(error).toMatchObject({ code: "INVALID_TOKEN_INPUT", field });
    expect((error as Error).message).toContain(field);
    expect(await store.getTokens()).toEqual([]);
    await expect(store.findToken(token)).rejects.toMatchObject({ field });
  });

  it("accepts exactly 4 KB in a field", async () => {
    const token = { ...valid(), refreshToken: "r".repeat(4096) };

    await store.saveToken(token);

    expect((await store.findToken(token))?.refreshToken).toHaveLength(4096);
  });

  it.each([null, undefined, "token", 42, ["x"]])(
    "refuses %j as a token",
    async (input) => {
      const save = store.saveToken(input as unknown as OAuthToken);

      await expect(save).rejects.toMatchObject({
        code: "INVALID_TOKEN_INPUT",
        field: "token",
      });
    },
  );

  it("refuses a token with no identity, saying what is missing", async () => {
    const token = { clientId: "c", clientSecret: "s", expiryTime: 1 };

    const error = await store.saveToken(token).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: "MISSING_IDENTITY" });
    expect((error as Error).message).toMatch(/userSignature\.name.*grantToken/);
    expect(await store.getTokens()).toEqual([]);
    await expect(store.findToken(token)).rejects.toMatchObject({
      code: "MISSING_IDENTITY",
    });
  });

  it("reads only a token's own fields, never inherited ones", async () => {
    const inherited = {
      userSignature: { name: "inherited@example.com" },
      accessToken: "access-inherited",
      clientId: "client-1",
    };
    const token = Object.create(inherited) as OAuthToken;

    await expect(store.saveToken(token)).rejects.toMatchObject({
      code: "MISSING_IDENTITY",
    });
    expect(await store.getTokens()).toEqual([]);
  });

  it("treats null fields as absent, like the Zoho SDK", async () => {
    const token: Record<string, unknown> = {
      ...valid(),
      refreshToken: null,
      grantToken: null,
    };

    await store.saveToken(token as unknown as OAuthToken);

    expect(await store.findTokenById(token.id as string)).not.toHaveProperty(
      "refreshToken",
    );
  });

  it("refuses bad ids on every id method", async () => {
    const calls = [
      store.findTokenById(""),
      store.deleteToken(7 as unknown as string),
      store.findTokenById("x".repeat(256)),
    ];

    for (const call of calls) {
      await expect(call).rejects.toMatchObject({
        code: "INVALID_TOKEN_INPUT",
        field: "id",
      });
    }
  });

  it("stores SQL metacharacters and any script verbatim, matching nothing else", async () => {
    for (const [i, value] of VERBATIM.entries()) {
      await store.saveToken({
        userSignature: { name: value },
        accessToken: value,
        refreshToken: `r-${i}`,
      });
    }

    for (const value of VERBATIM) {
      const byName = await store.findToken({ userSignature: { name: value } });
      const byAccess = await store.findToken({ accessToken: value });
      expect(byName?.userSignature?.name).toBe(value);
      expect(byAccess?.id).toBe(byName?.id);
      expect(await store.findTokenById(value)).toBeNull();
    }
    expect(await store.getTokens()).toHaveLength(VERBATIM.length);
  });

  it("finds and deletes a token whose id looks like SQL, touching no other", async () => {
    await store.saveToken({ ...valid(), id: "7 OR 1=1" });
    await store.saveToken({
      userSignature: { name: "bob" },
      refreshToken: "r",
    });

    expect(await store.findTokenById("7 OR 1=1")).not.toBeNull();
    await store.deleteToken("x' OR '1'='1");
    await store.deleteToken("7 OR 1=1");

    expect(await store.getTokens()).toHaveLength(1);
  });

  it("keeps messages free of SQL and of the values given", async () => {
    const token = { ...valid(), clientSecret: "SELECT-" + "s".repeat(5000) };

    const error = (await store.saveToken(token).catch((e) => e)) as Error;

    expect(error.message).not.toMatch(/SELECT|INSERT|UPDATE|oauth_tokens/);
  });
});
