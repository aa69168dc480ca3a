import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { BACKENDS, removeTempDirs } from "./testing/backends";
import type { OAuthToken, PortalTokenStore } from "./types";

afterAll(removeTempDirs);

const alice = (extra: Partial<OAuthToken> = {}): OAuthToken => ({
  userSignature: { name: "alice@example.com" },
  clientId: "client-1",
  clientSecret: "secret-1",
  accessToken: "access-alice",
  refreshToken: "refresh-alice",
  expiryTime: 1_900_000_000_000,
  redirectUrl: "http://localhost:3000/api/auth/callback/zoho",
  apiDomain: "https://www.zohoapis.eu",
  accountsServer: "https://accounts.zoho.eu",
  ...extra,
});

describe.each(BACKENDS)("TokenStore contract, CRUD: $name", (backend) => {
  let store: PortalTokenStore;
  beforeEach(() => {
    store = backend.create();
  });
  afterEach(() => store.close());

  it("assigns a fresh unguessable id and sets it on the saved object", async () => {
    const first = alice();
    const second = alice({ userSignature: { name: "bob@example.com" } });

    await store.saveToken(first);
    await store.saveToken(second);

    expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.id).not.toBe(first.id);
  });

  it("returns every stored field by id, with createdAt and updatedAt", async () => {
    const token = alice({ createdAt: 1, updatedAt: 2 });
    const before = Date.now();

    await store.saveToken(token);
    const found = await store.findTokenById(token.id!);

    const { createdAt, updatedAt, ...rest } = found!;
    expect(rest).toEqual({ ...alice(), id: token.id });
    expect(createdAt).toBeGreaterThanOrEqual(before);
    expect(updatedAt).toBe(createdAt);
  });

  it("returns a new object and leaves the argument unchanged", async () => {
    await store.saveToken(alice());
    const query: OAuthToken = {
      userSignature: { name: "alice@example.com" },
      clientId: "client-1",
    };
    const copy = structuredClone(query);

    const found = await store.findToken(query);
    found!.accessToken = "changed";

    expect(query).toEqual(copy);
    expect((await store.findToken(query))!.accessToken).toBe("access-alice");
  });

  it("updates the matching row in place, keeping fields not given", async () => {
    const token = alice();
    await store.saveToken(token);
    const created = (await store.findTokenById(token.id!))!.createdAt!;
    await new Promise((r) => setTimeout(r, 5));

    const refreshed = {
      userSignature: { name: "alice@example.com" },
      clientId: "client-1",
      accessToken: "access-alice-2",
      expiryTime: 1_900_000_360_000,
    };
    await store.saveToken(refreshed);

    const all = await store.getTokens();
    expect(all).toHaveLength(1);
    expect(refreshed).toHaveProperty("id", token.id);
    expect(all[0]).toMatchObject({
      accessToken: "access-alice-2",
      refreshToken: "refresh-alice",
      expiryTime: 1_900_000_360_000,
      createdAt: created,
    });
    expect(all[0]!.updatedAt).toBeGreaterThan(created);
  });

  it("updates the row of a given id", async () => {
    const token = alice();
    await store.saveToken(token);

    await store.saveToken({ id: token.id, refreshToken: "refresh-2" });

    const found = await store.findTokenById(token.id!);
    expect(found).toMatchObject({
      refreshToken: "refresh-2",
      clientId: "client-1",
    });
  });

  it("inserts with an unknown given id when no other token matches", async () => {
    await store.saveToken(alice({ id: "legacy-7" }));

    expect(await store.findTokenById("legacy-7")).toMatchObject({
      userSignature: { name: "alice@example.com" },
    });
  });

  it("refuses an unknown given id when another token matches", async () => {
    await store.saveToken(alice());

    const save = store.saveToken(alice({ id: "other-id" }));

    await expect(save).rejects.toMatchObject({ code: "IDENTITY_CONFLICT" });
    expect(await store.findTokenById("other-id")).toBeNull();
  });

  it("refuses to move a row onto another user's identity", async () => {
    const bob = alice({ userSignature: { name: "bob@example.com" } });
    await store.saveToken(alice());
    await store.saveToken(bob);

    const save = store.saveToken({
      id: bob.id,
      userSignature: { name: "alice@example.com" },
    });

    await expect(save).rejects.toMatchObject({ code: "IDENTITY_CONFLICT" });
    expect(await store.findTokenById(bob.id!)).toMatchObject({
      userSignature: { name: "bob@example.com" },
    });
  });

  it("ends 50 concurrent first saves for one user in exactly one row", async () => {
    const tokens = Array.from({ length: 50 }, (_, i) =>
      alice({ accessToken: `access-${i}` }),
    );

    await Promise.all(tokens.map((t) => store.saveToken(t)));

    const all = await store.getTokens();
    expect(all).toHaveLength(1);
    expect(new Set(tokens.map((t) => t.id))).toEqual(new Set([all[0]!.id]));
  });

  it("returns null for a missing id", async () => {
    expect(await store.findTokenById("no-such-id")).toBeNull();
  });

  it("deletes one token, and accepts an unknown id", async () => {
    const token = alice();
    await store.saveToken(token);

    await store.deleteToken("no-such-id");
    expect(await store.getTokens()).toHaveLength(1);
    await store.deleteToken(token.id!);

    expect(await store.findTokenById(token.id!)).toBeNull();
  });

  it("deletes every token at once", async () => {
    await store.saveToken(alice());
    await store.saveToken(alice({ userSignature: { name: "bob" } }));

    await store.deleteTokens();

    expect(await store.getTokens()).toEqual([]);
  });

  it("lists every stored token", async () => {
    const names = ["a", "b", "c"];
    for (const name of names) {
      await store.saveToken(alice({ userSignature: { name } }));
    }

    const all = await store.getTokens();

    expect(all.map((t) => t.userSignature?.name).sort()).toEqual(names);
  });
});
