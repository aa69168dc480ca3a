import "server-only";

import { createHash, randomBytes } from "node:crypto";

import { and, eq, isNull, sql } from "drizzle-orm";

import { portalSessions } from "@/db/schema";

import { portalDb } from "./database";

/** Why a session ended; the sign-in page tells the user. */
export type SessionEndReason =
  | "signed_out"
  | "admin"
  | "zoho_ended"
  | "expired";

export interface PortalSession {
  userName: string;
  tokenId: string | null;
  createdAt: number;
}

export type SessionLookup =
  | { state: "active"; session: PortalSession }
  | { state: "ended"; reason: SessionEndReason }
  | { state: "none" };

/** Sessions last as long as next-auth's cookie: 30 days. */
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;
const TOUCH_INTERVAL_MS = 60_000;

/** The row id of a session reference: the reference itself is not stored. */
function rowId(reference: string): string {
  return createHash("sha256").update(reference).digest("base64url");
}

/**
 * Starts a server-side session and returns its reference, the only thing
 * the browser's cookie will carry.
 */
export function createSession(userName: string, tokenId: string): string {
  const reference = randomBytes(32).toString("base64url");
  const now = Date.now();
  portalDb()
    .insert(portalSessions)
    .values({ id: rowId(reference), userName, tokenId, createdAt: now, lastSeenAt: now })
    .run();
  return reference;
}

/** Resolves a cookie's reference to its live session, if any. */
export function lookupSession(reference: string): SessionLookup {
  const db = portalDb();
  const row = db
    .select()
    .from(portalSessions)
    .where(eq(portalSessions.id, rowId(reference)))
    .get();
  if (!row) return { state: "none" };
  if (row.endedAt !== null) {
    return { state: "ended", reason: row.endedReason as SessionEndReason };
  }

  const now = Date.now();
  if (now - row.createdAt > SESSION_MAX_AGE_S * 1000) {
    endSession(reference, "expired");
    return { state: "ended", reason: "expired" };
  }
  if (now - row.lastSeenAt > TOUCH_INTERVAL_MS) {
    db.update(portalSessions)
      .set({ lastSeenAt: now })
      .where(eq(portalSessions.id, row.id))
      .run();
  }
  const { userName, tokenId, createdAt } = row;
  return { state: "active", session: { userName, tokenId, createdAt } };
}

/** Ends one browser's session. */
export function endSession(reference: string, reason: SessionEndReason): void {
  portalDb()
    .update(portalSessions)
    .set({ endedAt: Date.now(), endedReason: reason })
    .where(
      and(eq(portalSessions.id, rowId(reference)), isNull(portalSessions.endedAt)),
    )
    .run();
}

/** Ends every live session of a user; returns how many ended. */
export function endUserSessions(
  userName: string,
  reason: SessionEndReason,
): number {
  const result = portalDb()
    .update(portalSessions)
    .set({ endedAt: Date.now(), endedReason: reason })
    .where(
      and(eq(portalSessions.userName, userName), isNull(portalSessions.endedAt)),
    )
    .run();
  return result.changes;
}

/** Ends every live session of every user; returns how many ended. */
export function endAllSessions(reason: SessionEndReason): number {
  const result = portalDb()
    .update(portalSessions)
    .set({ endedAt: Date.now(), endedReason: reason })
    .where(isNull(portalSessions.endedAt))
    .run();
  return result.changes;
}

/** Live session counts by user name. */
export function countLiveSessions(): Map<string, number> {
  const rows = portalDb()
    .select({ userName: portalSessions.userName, n: sql<number>`count(*)` })
    .from(portalSessions)
    .where(isNull(portalSessions.endedAt))
    .groupBy(portalSessions.userName)
    .all();
  return new Map(rows.map((r) => [r.userName, r.n]));
}
