/**
 * The token store contract: where every Zoho access and refresh token of the
 * portal lives. One interface, one file per backend, one contract suite.
 */

/** Who a token belongs to. The portal uses the user's Zoho email. */
export interface UserSignature {
  name: string;
}

/**
 * A Zoho OAuth token as the store sees it. Every field is optional: callers
 * pass partial tokens to `findToken` and the store fills in the rest.
 */
export interface OAuthToken {
  id?: string;
  userSignature?: UserSignature;
  clientId?: string;
  clientSecret?: string;
  refreshToken?: string;
  accessToken?: string;
  grantToken?: string;
  /** Absolute epoch milliseconds at which the access token expires. */
  expiryTime?: number;
  redirectUrl?: string;
  /** CRM API origin of the user's data centre, from the token response. */
  apiDomain?: string;
  /** Accounts server of the user's data centre: refresh and revoke go here. */
  accountsServer?: string;
  /** Set by the store, ignored on save: when the row was first written. */
  createdAt?: number;
  /** Set by the store, ignored on save: when the row was last written. */
  updatedAt?: number;
}

/** The fixed six-method contract every backend implements. */
export interface TokenStore {
  /** The stored token matching `token` (see README), or null. */
  findToken(token: OAuthToken): Promise<OAuthToken | null>;
  /** Insert or update; sets `token.id` when the store assigns one. */
  saveToken(token: OAuthToken): Promise<void>;
  /** Deletes one token; an unknown id is not an error. */
  deleteToken(id: string): Promise<void>;
  /** Every stored token. */
  getTokens(): Promise<OAuthToken[]>;
  /** Deletes every token in one operation. */
  deleteTokens(): Promise<void>;
  /** That token, or null when there is none. */
  findTokenById(id: string): Promise<OAuthToken | null>;
}

/**
 * Cross-process coordination of refreshes: a short lease on a token row,
 * taken with a conditional update. Holding a lease never holds a transaction.
 */
export interface RefreshLeases {
  /** True when `owner` now holds the lease on token `id` until `untilMs`. */
  tryAcquireRefreshLease(
    id: string,
    owner: string,
    untilMs: number,
  ): Promise<boolean>;
  /** Gives the lease back early; a no-op unless `owner` holds it. */
  releaseRefreshLease(id: string, owner: string): Promise<void>;
}

/**
 * How long a refresh may hold a token's lease: longer than one call to
 * Zoho (10 s timeout), so a holder never loses it mid-refresh.
 */
export const REFRESH_LEASE_MS = 15_000;

/** What the portal uses: the contract plus refresh leases. */
export type PortalTokenStore = TokenStore &
  RefreshLeases & {
    /** Closes the underlying connection, if any. */
    close(): Promise<void>;
  };
