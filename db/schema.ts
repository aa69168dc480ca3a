/**
 * The portal's database schema (drizzle). Migrations in db/migrations are
 * generated from this file by `npm run db:generate`; never edit them by hand.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

// The oauth_tokens table of the token store is defined below this line by
// lib/token-store (see its README).

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
