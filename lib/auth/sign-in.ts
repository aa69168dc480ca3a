import "server-only";

import { randomUUID } from "node:crypto";

import { claimToken, revokeOrQueue } from "@/lib/admin";

import { recordAudit } from "@/lib/audit";
import { log } from "@/lib/log";
import type { OAuthToken } from "@/lib/token-store";
import type { ZohoTokenSet } from "@/lib/zoho/oauth";
import type { ZohoProfile } from "@/lib/zoho/profile";

import { adminDepsFor } from "./admin-deps";
import { portalConfig, tokenStore } from "./config";
import { portalDb } from "./database";
import { SignInError } from "./errors";
import { createSession } from "./sessions";

export interface CompletedSignIn {
  profile: ZohoProfile;
  tokens: ZohoTokenSet;
  accountsServer: string;
  location: string;
}

/**
 * True when the portal can keep this user signed in: Zoho sent a refresh
 * token now, or the store still holds one. Otherwise the sign-in must be
 * repeated with prompt=consent (each forced consent mints a refresh token,
 * and Zoho keeps at most 20 per user, so it is forced only when needed).
 */
export async function hasRefreshToken(
  email: string,
  tokens: ZohoTokenSet,
): Promise<boolean> {
  if (tokens.refreshToken) return true;
  const stored = await findStored(email);
  return Boolean(stored?.refreshToken);
}

/**
 * Saves the user's tokens (one row per user and client), revokes a
 * refresh token the new one supersedes, and starts a browser session.
 * Returns the session reference for the cookie.
 */
export async function completeSignIn(input: CompletedSignIn): Promise<string> {
  const started = Date.now();
  const email = input.profile.email;
  const { token, previous } = await saveSignedInToken(input);

  if (previous?.refreshToken && previous.refreshToken !== token.refreshToken) {
    await revokeSuperseded(previous, email);
  }
  const reference = createSession(email, token.id!);
  recordAudit(portalDb(), {
    event: "signed_in",
    actor: email,
    dataCentre: input.location,
    outcome: "ok",
  });
  log.info(
    {
      event: "signed_in",
      user: email,
      tokenId: token.id,
      dataCentre: input.location,
      status: "ok",
      duration: Date.now() - started,
    },
    "user signed in",
  );
  return reference;
}

/**
 * Saves the user's row under its refresh lease, so that a refresh under
 * way finishes first and cannot write an older refresh token back over
 * this one. Returns the saved token and the row as it was before.
 */
async function saveSignedInToken(input: CompletedSignIn) {
  const store = tokenStore();
  const found = await findStored(input.profile.email);
  const id = found?.id;
  const owner = `signin:${process.pid}:${randomUUID()}`;
  const held = id ? await claimToken(store, id, owner) : false;
  try {
    const previous = held ? await store.findTokenById(id!) : null;
    const token = tokenFor(input, previous);
    await store.saveToken(token);
    return { token, previous };
  } finally {
    if (held) await store.releaseRefreshLease(id!, owner);
  }
}

/** The row to save: Zoho's new tokens, the stored refresh token if none. */
function tokenFor(
  input: CompletedSignIn,
  previous: OAuthToken | null,
): OAuthToken {
  const { client, redirectUri } = portalConfig();
  const refreshToken = input.tokens.refreshToken ?? previous?.refreshToken;
  if (!refreshToken) throw new SignInError("CONSENT_REQUIRED");
  return {
    id: previous?.id,
    userSignature: { name: input.profile.email },
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    refreshToken,
    accessToken: input.tokens.accessToken,
    expiryTime: input.tokens.expiryTime,
    redirectUrl: redirectUri,
    apiDomain: input.tokens.apiDomain,
    accountsServer: input.accountsServer,
  };
}

function findStored(email: string): Promise<OAuthToken | null> {
  return tokenStore().findToken({
    userSignature: { name: email },
    clientId: portalConfig().client.clientId,
  });
}

/**
 * Revokes the refresh token the new one replaces. A failed revoke waits
 * in the pending queue (retried from /admin and the CLI), as an admin's
 * does: Zoho's refresh tokens never expire on their own.
 */
async function revokeSuperseded(old: OAuthToken, user: string): Promise<void> {
  const dataCentres = portalConfig().dataCentres;
  const outcome = await revokeOrQueue(adminDepsFor("portal"), {
    user,
    tokenId: old.id ?? null,
    accountsServer: old.accountsServer!,
    dataCentre:
      dataCentres.byAccountsServer(old.accountsServer)?.location ?? null,
    refreshToken: old.refreshToken!,
  });
  log.info(
    {
      event: "refresh_token_superseded",
      user,
      status: outcome.ok ? "revoked" : "queued",
    },
    "superseded refresh token revoked",
  );
}
