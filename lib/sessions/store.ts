/**
 * Server-side browser sessions over a drizzle handle: a plain Node module,
 * so the web app (lib/auth/sessions.ts) and the operator CLI share it. The
 * cookie carries only a reference; a row is keyed by its SHA-256. Ended rows
 * keep their reason, so a replayed cookie is refused with an explanation.
 */
import { createHash, randomBytes } from "node:crypto";

import { and, eq, gt, isNull, sql } from "drizzle-orm";

import { portalSessions } from "@/db/schema";
import type { Database } from "@/lib/db/connection";

/** The drizzle handle the session functions work on. */
export type SessionDb = Database["db"];

/** Why a session ended; the sign-in page tells the user. */
export type SessionEndReason =
  "signed_out" | "admin" | "zoho_ended" | "expired";

/** A live session as the portal uses it. */
export interface PortalSession {
  userName: string;
  tokenId: string | null;
  createdAt: number;
}

/** What a cookie's reference resolves to. */
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

/** Starts a session; returns its reference, the cookie's only content. */
export function insertSession(
  db: SessionDb,
  userName: string,
  tokenId: string,
): string {
  const reference = randomBytes(32).toString("base64url");
  const now = Date.now();
  db.insert(portalSessions)
    .values({
      id: rowId(reference),
      userName,
      tokenId,
      createdAt: now,
      lastSeenAt: now,
    })
    .run();
  return reference;
}

/** Resolves a reference to its live session; an old one ends as expired. */
export function findSession(db: SessionDb, reference: string): SessionLookup {
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
    endOneSession(db, reference, "expired");
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

/** Ends one browser's session; an ended one keeps its first reason. */
export function endOneSession(
  db: SessionDb,
  reference: string,
  reason: SessionEndReason,
): void {
  db.update(portalSessions)
    .set({ endedAt: Date.now(), endedReason: reason })
    .where(
      and(
        eq(portalSessions.id, rowId(reference)),
        isNull(portalSessions.endedAt),
      ),
    )
    .run();
}

/** Ends every live session of one user; returns how many ended. */
export function endSessionsOf(
  db: SessionDb,
  userName: string,
  reason: SessionEndReason,
): number {
  return db
    .update(portalSessions)
    .set({ endedAt: Date.now(), endedReason: reason })
    .where(
      and(
        eq(portalSessions.userName, userName),
        isNull(portalSessions.endedAt),
      ),
    )
    .run().changes;
}

/** Ends every live session of every user; returns how many ended. */
export function endEverySession(
  db: SessionDb,
  reason: SessionEndReason,
): number {
  return db
    .update(portalSessions)
    .set({ endedAt: Date.now(), endedReason: reason })
    .where(isNull(portalSessions.endedAt))
    .run().changes;
}

/** Live session counts by user name. */
export function liveSessionCounts(db: SessionDb): Map<string, number> {
  const rows = db
    .select({ userName: portalSessions.userName, n: sql<number>`count(*)` })
    .from(portalSessions)
    .where(
      and(
        isNull(portalSessions.endedAt),
        gt(portalSessions.createdAt, Date.now() - SESSION_MAX_AGE_S * 1000),
      ),
    )
    .groupBy(portalSessions.userName)
    .all();
  return new Map(rows.map((r) => [r.userName, r.n]));
}
