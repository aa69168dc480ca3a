import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { BACKENDS, removeTempDirs } from "./testing/backends";
import type { OAuthToken, PortalTokenStore } from "./types";

afterAll(removeTempDirs);

const ALICE: OAuthToken = {
  userSignature: { name: "alice@example.com" },
  clientId: "client-1",
  clientSecret: "secret-1",
  accessToken: "access-alice",
  refreshToken: "refresh-alice",
  grantToken: "grant-alice",
};

const BOB: OAuthToken = {
  userSignature: { name: "bob@example.com" },
  clientId: "client-1",
  clientSecret: "secret-1",
  accessToken: "access-bob",
  refreshToken: "refresh-bob",
  grantToken: "grant-bob",
};

const nameOf = (token: OAuthToken | null) => token?.userSignature?.name;

describe.each(BACKENDS)("TokenStore contract, matching: $name", (backend) => {
  let store: PortalTokenStore;
  beforeEach(async () => {
    store = backend.create();
    await store.saveToken({ ...ALICE });
    await store.saveToken({ ...BOB });
  });
  afterEach(() => store.close());

  it("finds by user name for the same client id (rule 1)", async () => {
    const found = await store.findToken({
      userSignature: { name: "bob@example.com" },
      clientId: "client-1",
    });

    expect(found).toMatchObject({ ...BOB, id: expect.any(String) });
  });

  it("does not find a user's token under another client id", async () => {
    const found = await store.findToken({
      userSignature: { name: "bob@example.com" },
      clientId: "client-2",
    });

    expect(found).toBeNull();
  });

  it("keeps one row per user and client id: another client is a new row", async () => {
    await store.saveToken({ ...BOB, clientId: "client-2" });

    const rows = await store.getTokens();

    expect(rows.filter((t) => nameOf(t) === "bob@example.com")).toHaveLength(2);
  });

  it("never returns another user's token, whatever else matches", async () => {
    const found = await store.findToken({
      userSignature: { name: "mallory@example.com" },
      accessToken: "access-alice",
      refreshToken: "refresh-alice",
      clientId: "client-1",
      clientSecret: "secret-1",
    });

    expect(found).toBeNull();
  });

  it("finds by access token alone (rule 2)", async () => {
    expect(nameOf(await store.findToken({ accessToken: "access-bob" }))).toBe(
      "bob@example.com",
    );
  });

  it("does not use the access token once client credentials are given", async () => {
    const found = await store.findToken({
      accessToken: "access-bob",
      clientId: "client-1",
    });

    expect(found).toBeNull();
  });

  it("finds by grant token with client credentials (rule 3)", async () => {
    const found = await store.findToken({
      grantToken: "grant-alice",
      refreshToken: "refresh-bob",
      clientId: "client-1",
      clientSecret: "secret-1",
    });

    expect(nameOf(found)).toBe("alice@example.com");
  });

  it("finds by refresh token with client credentials (rule 3)", async () => {
    const found = await store.findToken({
      grantToken: "grant-unknown",
      refreshToken: "refresh-bob",
      clientId: "client-1",
      clientSecret: "secret-1",
    });

    expect(nameOf(found)).toBe("bob@example.com");
  });

  it("does not find a grant or refresh token under another client", async () => {
    const found = await store.findToken({
      grantToken: "grant-alice",
      clientId: "client-2",
      clientSecret: "secret-1",
    });

    expect(found).toBeNull();
  });

  it("does not find by refresh token without a client secret", async () => {
    const found = await store.findToken({
      refreshToken: "refresh-bob",
      clientId: "client-1",
    });

    expect(found).toBeNull();
  });

  it("returns null for a partial token that matches nobody (rule 4)", async () => {
    expect(await store.findToken({ accessToken: "access-nobody" })).toBeNull();
    expect(
      await store.findToken({ userSignature: { name: "nobody" } }),
    ).toBeNull();
  });

  it("updates the row an access-token-only save matches", async () => {
    await store.saveToken({ accessToken: "access-bob", expiryTime: 42 });

    const rows = await store.getTokens();
    expect(rows).toHaveLength(2);
    expect(rows.find((t) => nameOf(t) === "bob@example.com")).toMatchObject({
      expiryTime: 42,
      refreshToken: "refresh-bob",
    });
  });

  it("updates the row a re-used grant token matches, keeping its refresh token", async () => {
    const again: OAuthToken = {
      grantToken: "grant-alice",
      clientId: "client-1",
      clientSecret: "secret-1",
      accessToken: "access-alice-2",
    };

    await store.saveToken(again);

    expect(await store.findTokenById(again.id!)).toMatchObject({
      userSignature: { name: "alice@example.com" },
      refreshToken: "refresh-alice",
      accessToken: "access-alice-2",
    });
  });

  it("inserts a new row when nothing matches", async () => {
    const token: OAuthToken = { grantToken: "grant-new", clientId: "client-1" };

    await store.saveToken(token);

    expect(await store.getTokens()).toHaveLength(3);
    expect(await store.findTokenById(token.id!)).toMatchObject(token);
  });
});
