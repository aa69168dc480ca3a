import "server-only";

import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";

import { log } from "@/lib/log";
import type { OAuthToken } from "@/lib/token-store";
import { ZohoError } from "@/lib/zoho/errors";

import { portalConfig, tokenStore } from "./config";
import { AccessEndedError } from "./errors";
import { refreshAndSave } from "./refresh";
import type { PortalSession } from "./sessions";

/** Refresh when less than this remains of the access token's life. */
export const REFRESH_MARGIN_MS = 5 * 60_000;
const LEASE_MS = 15_000;
const WAIT_STEP_MS = 50;
const WAIT_LIMIT_MS = 20_000;
const OWNER = `${process.pid}:${randomUUID()}`;

/** Refreshes under way in this process, by token id. */
const inflight = new Map<string, Promise<OAuthToken>>();

export interface ResolvedAccess {
  tokenId: string;
  accessToken: string;
  apiDomain: string;
  accountsServer: string;
}

/**
 * The user's access token, refreshed first when it has less than five
 * minutes left. `stale` forces a refresh unless the stored token already
 * differs from it (someone else refreshed after a 401).
 * Throws AccessEndedError when Zoho no longer honours the user's tokens.
 */
export async function resolveAccess(
  session: PortalSession,
  stale?: string,
): Promise<ResolvedAccess> {
  // The store reads synchronously before its promise settles: timing the
  // call, not the await, excludes other components rendering meanwhile.
  const started = performance.now();
  const loading = loadToken(session);
  const lookupMs = performance.now() - started;
  let token = await loading;

  const refresh = needsRefresh(token, stale);
  if (refresh) token = await refreshOnce(token, stale ?? token.accessToken);

  const spent = refresh ? performance.now() - started : lookupMs;
  const durationMs = Number(spent.toFixed(3));
  log.debug(
    { event: "token_resolved", tokenId: token.id, refresh, durationMs },
    "access token resolved",
  );
  return toAccess(token);
}

async function loadToken(session: PortalSession): Promise<OAuthToken> {
  const store = tokenStore();
  const byId = session.tokenId
    ? await store.findTokenById(session.tokenId)
    : null;
  const token =
    byId ??
    (await store.findToken({
      userSignature: { name: session.userName },
      clientId: portalConfig().client.clientId,
    }));
  // Fail closed: a session only ever uses its own user's token.
  const owner = token?.userSignature?.name;
  if (!token?.id || !token.refreshToken || owner !== session.userName) {
    throw new AccessEndedError("token_missing");
  }
  return token;
}

function needsRefresh(token: OAuthToken, stale?: string): boolean {
  // A newer token than the stale one still obeys the expiry margin.
  if (stale !== undefined && token.accessToken === stale) return true;
  if (!token.accessToken || !token.expiryTime) return true;
  return token.expiryTime - Date.now() < REFRESH_MARGIN_MS;
}

/** One refresh per token per process; the others await the same promise. */
function refreshOnce(token: OAuthToken, stale?: string): Promise<OAuthToken> {
  const id = token.id!;
  let pending = inflight.get(id);
  if (!pending) {
    pending = refreshAcrossProcesses(id, stale).finally(() =>
      inflight.delete(id),
    );
    inflight.set(id, pending);
  }
  return pending;
}

/**
 * Processes sharing the database take a short lease on the token row. The
 * holder refreshes; the others poll the row until the fresh token appears.
 * No transaction is held across the call to Zoho.
 */
async function refreshAcrossProcesses(
  id: string,
  stale?: string,
): Promise<OAuthToken> {
  const store = tokenStore();
  const deadline = Date.now() + WAIT_LIMIT_MS;

  while (Date.now() < deadline) {
    if (await store.tryAcquireRefreshLease(id, OWNER, Date.now() + LEASE_MS)) {
      try {
        const current = await findOrEnd(id);
        if (isFresh(current, stale)) return current;
        return await refreshAndSave(current);
      } finally {
        await store.releaseRefreshLease(id, OWNER);
      }
    }

    await sleep(WAIT_STEP_MS);
    const current = await findOrEnd(id);
    if (isFresh(current, stale)) return current;
  }
  throw new ZohoError("ZOHO_UNREACHABLE", "refresh by another process stalled");
}

async function findOrEnd(id: string): Promise<OAuthToken> {
  const token = await tokenStore().findTokenById(id);
  if (!token) throw new AccessEndedError("token_missing");
  return token;
}

function isFresh(token: OAuthToken, stale?: string): boolean {
  if (stale !== undefined && token.accessToken === stale) return false;
  return !needsRefresh(token);
}

function toAccess(token: OAuthToken): ResolvedAccess {
  return {
    tokenId: token.id!,
    accessToken: token.accessToken!,
    apiDomain: token.apiDomain!,
    accountsServer: token.accountsServer!,
  };
}
