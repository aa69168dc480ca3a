/**
 * The audit trail: who signed in, refreshed, signed out or was logged out,
 * kept in the database and mirrored to the log. Never a token value.
 */
import { desc, sql } from "drizzle-orm";

import { auditEvents } from "@/db/schema";
import type { openDatabase } from "@/lib/db/connection";
import { log } from "@/lib/log";

export type AuditEvent =
  | "signed_in"
  | "sign_in_failed"
  | "token_refreshed"
  | "refresh_failed"
  | "signed_out"
  | "logged_out_by_admin"
  | "logged_out_everyone"
  | "admin_refused"
  | "revoke_retried";

export interface AuditEntry {
  event: AuditEvent;
  /** Who acted: a user's email, "cli" or "portal". */
  actor: string;
  /** Whom it concerned, when not the actor. */
  subject?: string | null;
  dataCentre?: string | null;
  outcome: string;
  detail?: string | null;
}

type Db = ReturnType<typeof openDatabase>["db"];

/** Appends one entry; an audit failure is logged, never thrown. */
export function recordAudit(db: Db, entry: AuditEntry): void {
  try {
    db.insert(auditEvents)
      .values({ at: Date.now(), ...entry })
      .run();
  } catch (error) {
    log.error(
      { event: "audit_failed", err: String(error) },
      "audit write failed",
    );
  }
}

/** A page of entries, newest first. */
export function listAudit(db: Db, page: number, perPage = 25) {
  const rows = db
    .select()
    .from(auditEvents)
    .orderBy(desc(auditEvents.id))
    .limit(perPage + 1)
    .offset((page - 1) * perPage)
    .all();
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(auditEvents)
    .get();
  return {
    entries: rows.slice(0, perPage),
    more: rows.length > perPage,
    total: total?.n ?? 0,
  };
}
