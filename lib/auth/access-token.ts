import "server-only";

import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";

import { log } from "@/lib/log";
import { REFRESH_LEASE_MS, type OAuthToken } from "@/lib/token-store";
import { ZohoError } from "@/lib/zoho/errors";

import { portalConfig, tokenStore } from "./config";
import { AccessEndedError } from "./errors";
import { refreshAndSave } from "./refresh";
import type { PortalSession } from "./sessions";

/** Refresh when less than this remains of the access token's life. */
export const REFRESH_MARGIN_MS = 5 * 60_000;
const WAIT_STEP_MS = 50;
const WAIT_LIMIT_MS = 20_000;
const OWNER = `${process.pid}:${randomUUID()}`;
/** After a failed refresh, a still-valid token is kept this long. */
const RETRY_AFTER_MS = 30_000;
/** Below this much life left, a token is not worth keeping. */
const MIN_LIFE_MS = 30_000;

/** When a refresh of each token last failed in this process. */
const lastFailure = new Map<string, number>();

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
  if (refresh) token = await refreshOrKeep(token, stale);

  const spent = refresh ? performance.now() - started : lookupMs;
  const durationMs = Number(spent.toFixed(3));
  log.debug(
    { event: "token_resolved", tokenId: token.id, refresh, durationMs },
    "access token resolved",
  );
  return toAccess(token);
}

/**
 * Refreshes; when that fails for a reason other than Zoho ending the
 * access, a token that still works is kept and the next refresh waits a
 * little (a Zoho blip near expiry must not turn pages into errors).
 */
async function refreshOrKeep(
  token: OAuthToken,
  stale?: string,
): Promise<OAuthToken> {
  try {
    return await refreshOnce(token, stale ?? token.accessToken);
  } catch (error) {
    lastFailure.set(token.id!, Date.now());
    const left = (token.expiryTime ?? 0) - Date.now();
    const usable = stale === undefined && left > MIN_LIFE_MS;
    if (error instanceof AccessEndedError || !usable) throw error;
    log.warn(
      { event: "refresh_deferred", tokenId: token.id, status: codeOf(error) },
      "refresh failed; the current access token is still valid",
    );
    return token;
  }
}

function codeOf(error: unknown): string {
  return error instanceof ZohoError ? error.code : "UNKNOWN";
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
  const left = token.expiryTime - Date.now();
  if (left >= REFRESH_MARGIN_MS) return false;
  const failedAt = lastFailure.get(token.id!) ?? 0;
  return left <= MIN_LIFE_MS || Date.now() - failedAt > RETRY_AFTER_MS;
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
    if (
      await store.tryAcquireRefreshLease(
        id,
        OWNER,
        Date.now() + REFRESH_LEASE_MS,
      )
    ) {
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
