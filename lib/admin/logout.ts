/**
 * Central logout: one user, or everyone. The local part comes first and
 * always happens (token row deleted, browser sessions ended, so the very
 * next request is refused); then the refresh token is revoked at the
 * user's own accounts server, or queued when Zoho fails (revocation.ts).
 */
import { recordAudit } from "@/lib/audit";
import { log } from "@/lib/log";
import { endEverySession, endSessionsOf } from "@/lib/sessions/store";
import type { OAuthToken } from "@/lib/token-store";

import { claimToken } from "./lease";
import { queueRevocation } from "./pending";
import { revokeOrQueue } from "./revocation";
import { findTarget } from "./targets";
import type {
  AdminDeps,
  LogoutAllResult,
  LogoutResult,
  RevokeOutcome,
} from "./types";

/** Revokes sent to Zoho at once by "log out everyone". */
const REVOKE_BATCH = 5;
/**
 * How long "log out everyone" tries Zoho before queueing the rest: with
 * Zoho unreachable, each call waits for its timeout, and the admin's
 * request must not hang for minutes. Queued revokes are retried later.
 */
const REVOKE_BUDGET_MS = 20_000;

/**
 * Logs one user out, by token id or email. An unknown target, or a token
 * already deleted (a second click, another admin), is `not_found` and
 * changes nothing. Throws only when the store or database fails.
 */
export async function logoutUser(
  deps: AdminDeps,
  target: string,
): Promise<LogoutResult> {
  const started = Date.now();
  const id = await findTarget(deps.store, target);
  if (!id || !(await claimToken(deps.store, id))) {
    return { status: "not_found", target };
  }
  const token = await deps.store.findTokenById(id);
  if (!token) return { status: "not_found", target };

  const user = token.userSignature?.name ?? "unknown";
  await deps.store.deleteToken(id);
  const sessionsEnded = endSessionsOf(deps.db, user, "admin");
  const dataCentre = dataCentreOf(deps, token);
  const revoke = await revokeToken(deps, token, dataCentre);

  const result = { user, tokenId: id, dataCentre, sessionsEnded, revoke };
  noteLogout(deps, result, "one", Date.now() - started);
  return { status: "logged_out", ...result };
}

/**
 * Logs everyone out: every token (deleteTokens), every session, then every
 * refresh token revoked. The acting admin's own session ends too.
 */
export async function logoutEveryone(
  deps: AdminDeps,
  revokeBudgetMs = REVOKE_BUDGET_MS,
): Promise<LogoutAllResult> {
  const started = Date.now();
  const before = await deps.store.getTokens();
  await Promise.all(before.map((t) => claimToken(deps.store, t.id!)));

  // Listed and deleted in one tick: with this synchronous store no other
  // request of this process can save a token in between, unlisted.
  const listing = deps.store.getTokens();
  const deletion = deps.store.deleteTokens();
  const [tokens] = await Promise.all([listing, deletion]);
  const sessionsEnded = endEverySession(deps.db, "admin");

  const deadline = started + revokeBudgetMs;
  const users = await inBatches(tokens, REVOKE_BATCH, async (token) => {
    const user = token.userSignature?.name ?? "unknown";
    const dataCentre = dataCentreOf(deps, token);
    const revoke = await revokeToken(deps, token, dataCentre, deadline);
    const tokenId = token.id!;
    noteLogout(deps, { user, tokenId, dataCentre, revoke }, "everyone");
    return { user, dataCentre, revoke };
  });
  const failed = users.filter((u) => !u.revoke.ok).length;
  noteEveryone(deps, users.length, sessionsEnded, failed, started);
  return { users, sessionsEnded, failed };
}

async function revokeToken(
  deps: AdminDeps,
  token: OAuthToken,
  dataCentre: string | null,
  deadline = Infinity,
): Promise<RevokeOutcome> {
  if (!token.refreshToken || !token.accountsServer) {
    return { ok: true, skipped: "no_refresh_token" };
  }
  const target = {
    user: token.userSignature?.name ?? "unknown",
    tokenId: token.id ?? null,
    accountsServer: token.accountsServer,
    dataCentre,
    refreshToken: token.refreshToken,
  };
  if (Date.now() >= deadline) {
    const code = "DEFERRED";
    return { ok: false, code, pendingId: queueRevocation(deps, target, code) };
  }
  return revokeOrQueue(deps, target);
}

/** The location code of a token's data centre, e.g. "eu". */
export function dataCentreOf(
  deps: Pick<AdminDeps, "dataCentres">,
  token: OAuthToken,
): string | null {
  const dc = deps.dataCentres.byAccountsServer(token.accountsServer);
  return dc?.location ?? null;
}

/** The audit outcome of a revoke, in words. */
export function revokeWords(revoke: RevokeOutcome): string {
  if (!revoke.ok) return `revoke failed: ${revoke.code} (queued for retry)`;
  return revoke.skipped ? "no refresh token to revoke" : "revoked at Zoho";
}

function noteLogout(
  deps: AdminDeps,
  r: {
    user: string;
    tokenId: string;
    dataCentre: string | null;
    revoke: RevokeOutcome;
  },
  scope: "one" | "everyone",
  duration?: number,
): void {
  const { user, tokenId, dataCentre } = r;
  const status = r.revoke.ok ? "revoked" : r.revoke.code;
  log.info(
    {
      event: "admin_logout",
      actor: deps.actor,
      user,
      tokenId,
      dataCentre,
      status,
      duration,
    },
    "user logged out by an admin",
  );
  recordAudit(deps.db, {
    event: "logged_out_by_admin",
    actor: deps.actor,
    subject: user,
    dataCentre,
    outcome: revokeWords(r.revoke),
    detail: scope === "everyone" ? "log out everyone" : null,
  });
}

/** Runs `work` over `items`, `size` at a time, keeping their order. */
async function inBatches<T, R>(
  items: T[],
  size: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    const batch = items.slice(i, i + size);
    results.push(...(await Promise.all(batch.map(work))));
  }
  return results;
}

function noteEveryone(
  deps: AdminDeps,
  users: number,
  sessionsEnded: number,
  failed: number,
  started: number,
): void {
  const status = failed ? `${failed} revoke(s) failed` : "revoked";
  log.info(
    {
      event: "admin_logout_all",
      actor: deps.actor,
      status,
      duration: Date.now() - started,
    },
    `everyone logged out: ${users} token(s), ${sessionsEnded} session(s)`,
  );
  recordAudit(deps.db, {
    event: "logged_out_everyone",
    actor: deps.actor,
    outcome: failed
      ? `${failed} of ${users} revoke(s) failed (queued for retry)`
      : `${users} token(s) revoked at Zoho`,
    detail: `${sessionsEnded} session(s) ended`,
  });
}
