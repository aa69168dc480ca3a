/**
 * The pending_revocations table: refresh tokens whose revoke at Zoho
 * failed. Each token is sealed with the store's key ring and bound to its
 * row id, so a sealed value copied to another row does not open.
 */
import { randomUUID } from "node:crypto";

import { and, asc, eq, isNull, lt, or, sql } from "drizzle-orm";

import { pendingRevocations } from "@/db/schema";
import { openSecret, sealSecret } from "@/lib/token-store";

import type { AdminDeps } from "./types";

/** A pending revoke as the console and the CLI show it: no token. */
export interface PendingRow {
  id: string;
  user: string;
  dataCentre: string | null;
  attempts: number;
  lastError: string;
  createdAt: number;
  lastAttemptAt: number;
}

/** What a queued revoke needs. */
export interface RevokeTarget {
  user: string;
  tokenId: string | null;
  accountsServer: string;
  dataCentre: string | null;
  refreshToken: string;
}

type Db = AdminDeps["db"];
const t = pendingRevocations;
const context = (id: string) => `pending_revocations:${id}`;

/** Stores a failed revoke for later; returns the row id. */
export function queueRevocation(
  deps: Pick<AdminDeps, "db" | "keyRing">,
  target: RevokeTarget,
  code: string,
): string {
  const id = randomUUID();
  const now = Date.now();
  deps.db
    .insert(t)
    .values({
      id,
      userName: target.user,
      tokenId: target.tokenId,
      accountsServer: target.accountsServer,
      dataCentre: target.dataCentre,
      sealedToken: sealSecret(deps.keyRing, target.refreshToken, context(id)),
      attempts: 1,
      lastError: code,
      createdAt: now,
      lastAttemptAt: now,
    })
    .run();
  return id;
}

/** Every pending revoke, oldest first. */
export function listPending(db: Db): PendingRow[] {
  return db
    .select()
    .from(t)
    .orderBy(asc(t.createdAt))
    .all()
    .map((r) => ({
      id: r.id,
      user: r.userName,
      dataCentre: r.dataCentre,
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt,
      lastAttemptAt: r.lastAttemptAt,
    }));
}

/** Ids of the pending revokes not tried for `idleMs`, oldest first. */
export function duePendingIds(db: Db, idleMs: number, limit: number) {
  return db
    .select({ id: t.id })
    .from(t)
    .where(lt(t.lastAttemptAt, Date.now() - idleMs))
    .orderBy(asc(t.lastAttemptAt))
    .limit(limit)
    .all()
    .map((r) => r.id);
}

/** How long one attempt may hold a row: longer than a call to Zoho. */
const CLAIM_MS = 15_000;

/**
 * Takes row `id` for one attempt: the conditional update succeeds for one
 * caller only, so two retries of the same row never both call Zoho.
 * Returns the target with the token opened, "busy", or null when gone.
 * @throws TokenStoreError when the seal no longer opens (key removed).
 */
export function claimPending(
  deps: Pick<AdminDeps, "db" | "keyRing">,
  id: string,
): RevokeTarget | "busy" | null {
  const row = deps.db.select().from(t).where(eq(t.id, id)).get();
  if (!row) return null;
  const now = Date.now();
  const free = or(isNull(t.claimedUntil), lt(t.claimedUntil, now));
  const taken = deps.db
    .update(t)
    .set({
      lastAttemptAt: now,
      attempts: sql`${t.attempts} + 1`,
      claimedUntil: now + CLAIM_MS,
    })
    .where(and(eq(t.id, id), free))
    .run();
  if (taken.changes !== 1) return "busy";

  return {
    user: row.userName,
    tokenId: row.tokenId,
    accountsServer: row.accountsServer,
    dataCentre: row.dataCentre,
    refreshToken: openSecret(deps.keyRing, row.sealedToken, context(id)),
  };
}

/** The user a pending row names, or null. */
export function pendingUser(db: Db, id: string): string | null {
  const row = db.select({ user: t.userName }).from(t).where(eq(t.id, id)).get();
  return row?.user ?? null;
}

/** Notes why the latest attempt failed, and frees the row. */
export function notePendingFailure(db: Db, id: string, code: string): void {
  db.update(t)
    .set({ lastError: code, claimedUntil: null })
    .where(eq(t.id, id))
    .run();
}

/** Forgets a pending revoke (it succeeded). */
export function removePending(db: Db, id: string): void {
  db.delete(t).where(eq(t.id, id)).run();
}
