/**
 * The portal's database schema (drizzle). Migrations in db/migrations are
 * generated from this file by `npm run db:generate`; never edit them by hand.
 */
import {
  blob,
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

// The oauth_tokens table of the token store is defined below this line by
// lib/token-store (see the README, "The token store").

/**
 * One row per signed-in browser. The session cookie carries only a reference
 * to a row (its id is the SHA-256 of that reference). Ended rows are kept
 * briefly so a replayed cookie can be told why it was refused.
 */
export const portalSessions = sqliteTable(
  "portal_sessions",
  {
    id: text("id").primaryKey(),
    userName: text("user_name").notNull(),
    tokenId: text("token_id"),
    createdAt: integer("created_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
    endedAt: integer("ended_at"),
    endedReason: text("ended_reason"),
  },
  (t) => [index("portal_sessions_user_idx").on(t.userName)],
);

/** Append-only audit trail of sign-ins, refreshes and logouts. */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull(),
    event: text("event").notNull(),
    actor: text("actor").notNull(),
    subject: text("subject"),
    dataCentre: text("data_centre"),
    outcome: text("outcome").notNull(),
    detail: text("detail"),
  },
  (t) => [index("audit_events_at_idx").on(t.at)],
);

/**
 * One row per Zoho token (lib/token-store). Token values and the client
 * secret live only inside `secrets`, one AES-256-GCM seal per row; lookups by
 * token value go through the keyed HMAC digests. `client_id` is '' when the
 * token has none, so the unique index also holds for such rows (SQLite treats
 * NULLs as distinct): one user and client id is one row.
 */
export const oauthTokens = sqliteTable(
  "oauth_tokens",
  {
    id: text("id").primaryKey(),
    userName: text("user_name"),
    clientId: text("client_id").notNull().default(""),
    secrets: blob("secrets", { mode: "buffer" }).notNull(),
    accessDigest: text("access_digest"),
    refreshDigest: text("refresh_digest"),
    grantDigest: text("grant_digest"),
    expiryTime: integer("expiry_time"),
    redirectUrl: text("redirect_url"),
    apiDomain: text("api_domain"),
    accountsServer: text("accounts_server"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    leaseOwner: text("lease_owner"),
    leaseUntil: integer("lease_until"),
  },
  (t) => [
    uniqueIndex("oauth_tokens_identity_idx").on(t.userName, t.clientId),
    index("oauth_tokens_access_idx").on(t.accessDigest),
    index("oauth_tokens_refresh_idx").on(t.refreshDigest),
    index("oauth_tokens_grant_idx").on(t.grantDigest),
  ],
);

/**
 * Refresh tokens an admin logout could not revoke at Zoho (unreachable,
 * 5xx, throttled), kept until a retry succeeds or Zoho no longer knows the
 * token (lib/admin). The token is sealed with the token store's key ring,
 * bound to the row id; the row names the user and accounts server only.
 */
export const pendingRevocations = sqliteTable(
  "pending_revocations",
  {
    id: text("id").primaryKey(),
    userName: text("user_name").notNull(),
    tokenId: text("token_id"),
    accountsServer: text("accounts_server").notNull(),
    dataCentre: text("data_centre"),
    sealedToken: text("sealed_token").notNull(),
    attempts: integer("attempts").notNull(),
    lastError: text("last_error").notNull(),
    createdAt: integer("created_at").notNull(),
    lastAttemptAt: integer("last_attempt_at").notNull(),
    /** Set while one retry is under way, so another does not start. */
    claimedUntil: integer("claimed_until"),
  },
  (t) => [index("pending_revocations_user_idx").on(t.userName)],
);
