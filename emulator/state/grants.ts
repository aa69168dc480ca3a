/**
 * Records behind grant codes, refresh tokens and access tokens. The values
 * themselves are map keys in TokenState; these hold everything else.
 */

/** A grant code issued by the consent page. */
export interface ZohoGrantCode {
  clientId: string;
  zuid: string;
  dc: string;
  redirectUri: string;
  scopes: string[];
  offline: boolean;
  promptConsent: boolean;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  nonce?: string;
  createdAt: number;
  usedAt: number | null;
}

/** A refresh token and its throttle window. */
export interface ZohoRefreshGrant {
  digest: string;
  zuid: string;
  clientId: string;
  dc: string;
  scopes: string[];
  createdAt: number;
  revokedAt: number | null;
  evictedAt: number | null;
  windowStart: number;
  windowCount: number;
}

/** An access token, possibly minted from a refresh token. */
export interface ZohoAccessGrant {
  digest: string;
  zuid: string;
  clientId: string;
  dc: string;
  scopes: string[];
  refreshToken: string | null;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  evictedAt: number | null;
}

/** Why a token cannot be used; null when it can. */
export type ZohoTokenProblem =
  "unknown" | "expired" | "revoked" | "evicted" | "wrong_dc" | null;

/** The first reason an access token is unusable at `dc` and `now`. */
export function accessProblem(
  grant: ZohoAccessGrant | undefined,
  dc: string,
  now: number,
): ZohoTokenProblem {
  if (!grant) return "unknown";
  if (grant.dc !== dc) return "wrong_dc";
  if (grant.revokedAt !== null) return "revoked";
  if (grant.evictedAt !== null) return "evicted";
  if (now >= grant.expiresAt) return "expired";
  return null;
}

/** True while a refresh token is neither revoked nor evicted. */
export function isLiveRefresh(grant: ZohoRefreshGrant): boolean {
  return grant.revokedAt === null && grant.evictedAt === null;
}
