import { describe, expect, it } from "vitest";

import { control } from "@/emulator/testing/setup";

import { HOUR_MS, useTokenWorld } from "./testing/token-world";

const world = useTokenWorld();
const { storedToken, refreshGrants } = world;
const auth = () => world.auth();
const stored = (id: string) => auth().tokenStore().findTokenById(id);
const faultOnToken = (kind: string) =>
  control(world.emulator(), "POST", "/faults", { route: "token", kind });

describe("resolveAccess", () => {
  it("returns a token with more than five minutes left as it is", async () => {
    const { token, session } = await storedToken(HOUR_MS);

    const access = await auth().resolveAccess(session);

    expect(access).toEqual({
      tokenId: token.id,
      accessToken: token.accessToken,
      apiDomain: token.apiDomain,
      accountsServer: token.accountsServer,
    });
    expect(await refreshGrants()).toBe(0);
  });

  it("refreshes and saves a token with under five minutes left", async () => {
    const { token, session } = await storedToken(60_000);

    const access = await auth().resolveAccess(session);

    expect(access.accessToken).not.toBe(token.accessToken);
    const saved = await stored(token.id);
    expect(saved?.accessToken).toBe(access.accessToken);
    expect(saved!.expiryTime).toBeGreaterThan(Date.now() + HOUR_MS - 60_000);
    expect(await refreshGrants()).toBe(1);
  });

  it("refreshes once for 20 concurrent calls, which share it", async () => {
    const { token, session } = await storedToken(60_000);

    const all = await Promise.all(
      Array.from({ length: 20 }, () => auth().resolveAccess(session)),
    );

    const tokens = new Set(all.map((a) => a.accessToken));
    expect(tokens.size).toBe(1);
    expect(tokens.has(token.accessToken)).toBe(false);
    expect(await refreshGrants()).toBe(1);
  });

  it("waits for another process's refresh and uses its token", async () => {
    const { token, session } = await storedToken(60_000);
    const store = auth().tokenStore();
    const leased = await store.tryAcquireRefreshLease(
      token.id,
      "other-process",
      Date.now() + 10_000,
    );
    expect(leased).toBe(true);

    let settled = false;
    const resolving = auth()
      .resolveAccess(session)
      .finally(() => {
        settled = true;
      });
    await new Promise((r) => setTimeout(r, 300)); // several lease attempts
    expect(settled).toBe(false);
    const expiryTime = Date.now() + HOUR_MS;
    const theirs = { accessToken: "1000.other.process", expiryTime };
    await store.saveToken({ id: token.id, ...theirs });
    await store.releaseRefreshLease(token.id, "other-process");

    expect((await resolving).accessToken).toBe(theirs.accessToken);
    expect(await refreshGrants()).toBe(0);
  });

  it("takes over when another process's lease lapses", async () => {
    const { token, session } = await storedToken(60_000);
    await auth()
      .tokenStore()
      .tryAcquireRefreshLease(token.id, "crashed", Date.now() + 300);

    const access = await auth().resolveAccess(session);

    expect(access.accessToken).not.toBe(token.accessToken);
    expect(await refreshGrants()).toBe(1);
  });

  it("ends the user's access and sessions once Zoho revoked it", async () => {
    const { token, session } = await storedToken(60_000);
    const reference = auth().createSession(session.userName, token.id);
    const revoke = new URL("/oauth/v2/token/revoke", token.accountsServer);
    revoke.searchParams.set("token", token.refreshToken);
    expect((await fetch(revoke, { method: "POST" })).status).toBe(200);

    const error = await auth()
      .resolveAccess(session)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(auth().AccessEndedError);
    expect(error).toMatchObject({ reason: "zoho_ended" });
    expect(await stored(token.id)).toBeNull();
    expect(auth().lookupSession(reference)).toEqual({
      state: "ended",
      reason: "zoho_ended",
    });
  });

  it("keeps a still-valid token and the session when Zoho throttles", async () => {
    const { token, session } = await storedToken(60_000);
    const reference = auth().createSession(session.userName, token.id);
    await faultOnToken("throttle");

    const access = await auth().resolveAccess(session);

    expect(access.accessToken).toBe(token.accessToken);
    expect((await stored(token.id))?.refreshToken).toBe(token.refreshToken);
    expect(auth().lookupSession(reference).state).toBe("active");
  });

  it("fails when Zoho throttles and the token has run out", async () => {
    const { session } = await storedToken(10_000);
    await faultOnToken("throttle");

    await expect(auth().resolveAccess(session)).rejects.toMatchObject({
      name: "ZohoError",
      code: "ZOHO_THROTTLED",
    });
  });

  it("finds the user's token when the session names none", async () => {
    const { token, session } = await storedToken(HOUR_MS);

    const access = await auth().resolveAccess({ ...session, tokenId: null });

    expect(access.tokenId).toBe(token.id);
  });

  it("ends access when the token row is gone", async () => {
    const { token, session } = await storedToken(HOUR_MS);
    await auth().tokenStore().deleteToken(token.id);

    await expect(auth().resolveAccess(session)).rejects.toMatchObject({
      name: "AccessEndedError",
      reason: "token_missing",
    });
  });
});

describe("resolveAccess after a 401", () => {
  it("refreshes a stale token even with a far expiry, only once", async () => {
    const { token, session } = await storedToken(HOUR_MS);

    const first = await auth().resolveAccess(session, token.accessToken);
    const again = await auth().resolveAccess(session, token.accessToken);

    expect(first.accessToken).not.toBe(token.accessToken);
    expect(again.accessToken).toBe(first.accessToken);
    expect((await stored(token.id))?.accessToken).toBe(first.accessToken);
    expect(await refreshGrants()).toBe(1);
  });

  // Regression: a stale hint used to skip the expiry check, so a newer but
  // expiring (or expired) token was handed out as it was.
  it("still refreshes a newer token that is about to expire", async () => {
    const { token, session } = await storedToken(60_000);

    const access = await auth().resolveAccess(session, "1000.an.older.token");

    expect(access.accessToken).not.toBe(token.accessToken);
    expect(await refreshGrants()).toBe(1);
  });
});
