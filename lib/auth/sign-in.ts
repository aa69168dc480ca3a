import "server-only";

import { recordAudit } from "@/lib/audit";
import { log } from "@/lib/log";
import type { OAuthToken } from "@/lib/token-store";
import { revokeRefreshToken, type ZohoTokenSet } from "@/lib/zoho/oauth";
import type { ZohoProfile } from "@/lib/zoho/profile";

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
  const { profile, tokens, accountsServer } = input;
  const { client, redirectUri } = portalConfig();
  const existing = await findStored(profile.email);

  const refreshToken = tokens.refreshToken ?? existing?.refreshToken;
  if (!refreshToken) throw new SignInError("CONSENT_REQUIRED");
  const token: OAuthToken = {
    id: existing?.id,
    userSignature: { name: profile.email },
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    refreshToken,
    accessToken: tokens.accessToken,
    expiryTime: tokens.expiryTime,
    redirectUrl: redirectUri,
    apiDomain: tokens.apiDomain,
    accountsServer,
  };
  await tokenStore().saveToken(token);

  if (existing?.refreshToken && existing.refreshToken !== refreshToken) {
    await revokeSuperseded(existing, profile.email);
  }
  const reference = createSession(profile.email, token.id!);
  recordAudit(portalDb(), {
    event: "signed_in",
    actor: profile.email,
    dataCentre: input.location,
    outcome: "ok",
  });
  log.info(
    {
      event: "signed_in",
      user: profile.email,
      tokenId: token.id,
      dataCentre: input.location,
      status: "ok",
      duration: Date.now() - started,
    },
    "user signed in",
  );
  return reference;
}

function findStored(email: string): Promise<OAuthToken | null> {
  return tokenStore().findToken({
    userSignature: { name: email },
    clientId: portalConfig().client.clientId,
  });
}

/** Best effort: a failed revoke is logged, and the sign-in goes on. */
async function revokeSuperseded(old: OAuthToken, user: string): Promise<void> {
  try {
    await revokeRefreshToken({
      accountsServer: old.accountsServer!,
      refreshToken: old.refreshToken!,
    });
    log.info(
      { event: "refresh_token_superseded", user },
      "old refresh token revoked",
    );
  } catch (error) {
    log.warn(
      { event: "refresh_token_superseded", user, status: String(error) },
      "could not revoke the superseded refresh token",
    );
  }
}
