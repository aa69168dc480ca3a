import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { BACKENDS, removeTempDirs } from "./testing/backends";
import type { OAuthToken, PortalTokenStore } from "./types";

afterAll(removeTempDirs);

describe.each(BACKENDS)("Refresh leases: $name", (backend) => {
  let store: PortalTokenStore;
  let id: string;
  beforeEach(async () => {
    store = backend.create();
    const token: OAuthToken = {
      userSignature: { name: "alice" },
      refreshToken: "r",
    };
    await store.saveToken(token);
    id = token.id!;
  });
  afterEach(() => store.close());

  const soon = () => Date.now() + 60_000;

  it("gives a free lease to the first owner only", async () => {
    expect(await store.tryAcquireRefreshLease(id, "worker-a", soon())).toBe(
      true,
    );
    expect(await store.tryAcquireRefreshLease(id, "worker-b", soon())).toBe(
      false,
    );
  });

  it("lets the holder extend its own lease", async () => {
    await store.tryAcquireRefreshLease(id, "worker-a", soon());

    expect(await store.tryAcquireRefreshLease(id, "worker-a", soon())).toBe(
      true,
    );
  });

  it("hands an expired lease to another owner", async () => {
    await store.tryAcquireRefreshLease(id, "worker-a", Date.now() - 1);

    expect(await store.tryAcquireRefreshLease(id, "worker-b", soon())).toBe(
      true,
    );
  });

  it("frees the lease on release by its holder, not by others", async () => {
    await store.tryAcquireRefreshLease(id, "worker-a", soon());

    await store.releaseRefreshLease(id, "worker-b");
    expect(await store.tryAcquireRefreshLease(id, "worker-c", soon())).toBe(
      false,
    );
    await store.releaseRefreshLease(id, "worker-a");
    expect(await store.tryAcquireRefreshLease(id, "worker-c", soon())).toBe(
      true,
    );
  });

  it("gives exactly one of many concurrent callers the lease", async () => {
    const owners = Array.from({ length: 20 }, (_, i) => `worker-${i}`);

    const results = await Promise.all(
      owners.map((o) => store.tryAcquireRefreshLease(id, o, soon())),
    );

    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("returns false for an unknown token id", async () => {
    expect(await store.tryAcquireRefreshLease("nope", "a", soon())).toBe(false);
  });

  it("keeps the lease out of the token and across saves", async () => {
    await store.tryAcquireRefreshLease(id, "worker-a", soon());

    await store.saveToken({ id, accessToken: "new" });

    expect(Object.keys((await store.findTokenById(id))!)).not.toContain(
      "leaseOwner",
    );
    expect(await store.tryAcquireRefreshLease(id, "worker-b", soon())).toBe(
      false,
    );
  });

  it("refuses a lease time that is not epoch milliseconds", async () => {
    const take = store.tryAcquireRefreshLease(id, "a", Number.NaN);

    await expect(take).rejects.toMatchObject({
      code: "INVALID_TOKEN_INPUT",
      field: "untilMs",
    });
  });
});
