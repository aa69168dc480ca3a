import "server-only";

import { recordAudit } from "@/lib/audit";
import { log } from "@/lib/log";
import type { OAuthToken } from "@/lib/token-store";
import { isZohoError } from "@/lib/zoho/errors";
import { refreshAccessToken } from "@/lib/zoho/oauth";

import { portalConfig, tokenStore } from "./config";
import { portalDb } from "./database";
import { AccessEndedError } from "./errors";
import { endUserSessions } from "./sessions";

/**
 * Mints a new access token at the token's own accounts server and saves
 * it. A refresh token Zoho no longer honours (revoked or evicted) ends the
 * user's access: the row is deleted and their sessions end. The caller
 * holds the token's refresh lease.
 */
export async function refreshAndSave(token: OAuthToken): Promise<OAuthToken> {
  const started = Date.now();
  const user = token.userSignature?.name ?? null;
  const dataCentre = dataCentreOf(token);
  // The refresh token goes only to one of the portal's data centres.
  if (!dataCentre) throw new AccessEndedError("token_missing");

  let fresh;
  try {
    fresh = await refreshAccessToken({
      accountsServer: token.accountsServer!,
      client: { clientId: token.clientId!, clientSecret: token.clientSecret! },
      refreshToken: token.refreshToken!,
    });
  } catch (error) {
    await onRefreshFailed(token, error, started);
    throw isZohoError(error, "ZOHO_TOKEN_REVOKED")
      ? new AccessEndedError("zoho_ended")
      : error;
  }

  const apiDomain = portalConfig().dataCentres.byApiDomain(fresh.apiDomain)
    ? fresh.apiDomain
    : token.apiDomain;
  const changes: OAuthToken = {
    id: token.id,
    userSignature: token.userSignature,
    clientId: token.clientId,
    accessToken: fresh.accessToken,
    expiryTime: fresh.expiryTime,
    apiDomain,
  };
  const updated = await saveIfStillThere(changes);

  const duration = Date.now() - started;
  log.info(
    {
      event: "token_refreshed",
      user,
      tokenId: token.id,
      dataCentre,
      status: "ok",
      duration,
    },
    "access token refreshed",
  );
  recordAudit(portalDb(), {
    event: "token_refreshed",
    actor: "portal",
    subject: user,
    dataCentre,
    outcome: "ok",
  });
  return updated;
}

/**
 * Saves only what a refresh changed (a save merges, so a refresh token
 * saved meanwhile by a sign-in stays), and never brings back a row that
 * an admin deleted during the call to Zoho.
 */
async function saveIfStillThere(changes: OAuthToken): Promise<OAuthToken> {
  const store = tokenStore();
  if (!(await store.findTokenById(changes.id!))) {
    throw new AccessEndedError("token_missing");
  }
  await store.saveToken(changes);
  const saved = await store.findTokenById(changes.id!);
  if (!saved) throw new AccessEndedError("token_missing");
  return saved;
}

async function onRefreshFailed(
  token: OAuthToken,
  error: unknown,
  started: number,
): Promise<void> {
  const user = token.userSignature?.name ?? "unknown";
  const code = isZohoError(error) ? error.code : "UNKNOWN";
  const revoked = isZohoError(error, "ZOHO_TOKEN_REVOKED");
  log.warn(
    {
      event: "refresh_failed",
      user,
      tokenId: token.id,
      dataCentre: dataCentreOf(token),
      status: code,
      duration: Date.now() - started,
    },
    "access token refresh failed",
  );
  recordAudit(portalDb(), {
    event: "refresh_failed",
    actor: "portal",
    subject: user,
    dataCentre: dataCentreOf(token),
    outcome: code,
    detail: revoked ? "Zoho ended the access; user signed out" : null,
  });

  if (!revoked) return;
  await tokenStore().deleteToken(token.id!);
  endUserSessions(user, "zoho_ended");
}

/** The location code of a token's data centre, e.g. "eu". */
export function dataCentreOf(token: OAuthToken): string | null {
  const dcs = portalConfig().dataCentres;
  return dcs.byAccountsServer(token.accountsServer)?.location ?? null;
}
