/**
 * Claims a token row before a logout deletes it, with the refresh lease of
 * the token store: a refresh under way finishes first (else it would save
 * the row back after the delete), and of two logouts of the same row only
 * one proceeds; the other finds the row gone.
 */
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";

import { REFRESH_LEASE_MS, type PortalTokenStore } from "@/lib/token-store";

const WAIT_STEP_MS = 50;
const WAIT_LIMIT_MS = REFRESH_LEASE_MS + 1_000;

/**
 * True once this caller holds the lease on row `id`; false when the row
 * is gone (deleted by someone else meanwhile, or never there). `owner`
 * names the holder, for a caller that releases the lease afterwards.
 */
export async function claimToken(
  store: PortalTokenStore,
  id: string,
  // One owner per claim: a shared owner would let a second logout of the
  // same row in this process take the lease too.
  owner = `admin:${process.pid}:${randomUUID()}`,
): Promise<boolean> {
  const deadline = Date.now() + WAIT_LIMIT_MS;

  while (Date.now() < deadline) {
    const until = Date.now() + REFRESH_LEASE_MS;
    if (await store.tryAcquireRefreshLease(id, owner, until)) return true;
    if (!(await store.findTokenById(id))) return false;
    await sleep(WAIT_STEP_MS);
  }
  // A lease outlives no holder by more than REFRESH_LEASE_MS: past the deadline,
  // the holder is gone and the row can be taken as it is.
  return (await store.findTokenById(id)) !== null;
}
