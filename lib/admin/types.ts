/**
 * The central logout's contract: what its callers pass in (the web app's
 * server actions or the operator CLI) and what each operation answers.
 * Nothing here carries a token value.
 */
import type { Database } from "@/lib/db/connection";
import type { KeyRing, PortalTokenStore } from "@/lib/token-store";
import type { DataCentres } from "@/lib/zoho/data-centres";

/** Revokes a refresh token at an accounts server (lib/zoho/oauth.ts). */
export type RevokeFn = (input: {
  accountsServer: string;
  refreshToken: string;
}) => Promise<void>;

/** Everything an admin operation works on, injected by its caller. */
export interface AdminDeps {
  store: PortalTokenStore;
  db: Database["db"];
  /** The token store's key ring: seals tokens awaiting a retried revoke. */
  keyRing: KeyRing;
  /** Refresh tokens are sent only to these data centres' servers. */
  dataCentres: DataCentres;
  revoke: RevokeFn;
  /** Who acts, for the audit trail: the admin's email, or "cli". */
  actor: string;
}

/** How the revoke at Zoho went. A failed one waits in `pendingId`. */
export type RevokeOutcome =
  | { ok: true; skipped?: "no_refresh_token" }
  | { ok: false; code: string; pendingId: string };

/** One user's logout. `not_found`: no such token, or already logged out. */
export type LogoutResult =
  | {
      status: "logged_out";
      user: string;
      tokenId: string;
      dataCentre: string | null;
      sessionsEnded: number;
      revoke: RevokeOutcome;
    }
  | { status: "not_found"; target: string };

/** "Log out everyone": every stored token and every session. */
export interface LogoutAllResult {
  users: { user: string; dataCentre: string | null; revoke: RevokeOutcome }[];
  sessionsEnded: number;
  failed: number;
}

/** A retried revoke: done, failed again, or nothing (left) to retry. */
export type RetryResult =
  | { status: "revoked"; user: string }
  | { status: "failed"; user: string; code: string }
  | { status: "busy"; user: string }
  | { status: "not_found"; id: string };
