/**
 * Revoking refresh tokens at Zoho for an admin logout. A revoke that fails
 * (unreachable, 5xx, throttled) never undoes the local logout: the token
 * waits, sealed, in pending_revocations and is retried until Zoho confirms
 * or says it no longer knows the token (HTTP 400: already gone).
 * https://www.zoho.com/accounts/protocol/oauth/revoke-refresh-token.html
 */
import { recordAudit } from "@/lib/audit";
import { log } from "@/lib/log";
import { isZohoError } from "@/lib/zoho/errors";

import {
  claimPending,
  duePendingIds,
  notePendingFailure,
  pendingUser,
  queueRevocation,
  removePending,
  type RevokeTarget,
} from "./pending";
import type { AdminDeps, RetryResult, RevokeOutcome } from "./types";

/** Page loads retry revokes idle this long, a few at a time. */
export const RETRY_IDLE_MS = 30_000;
const RETRY_BATCH = 5;

type Attempt = { ok: true } | { ok: false; code: string };

/**
 * One call to Zoho's revoke at the token's own accounts server, only when
 * that server is one of the portal's data centres. Never throws.
 */
async function attemptRevoke(
  deps: AdminDeps,
  target: RevokeTarget,
): Promise<Attempt> {
  if (!deps.dataCentres.byAccountsServer(target.accountsServer)) {
    return { ok: false, code: "DC_NOT_ALLOWED" };
  }
  try {
    await deps.revoke({
      accountsServer: target.accountsServer,
      refreshToken: target.refreshToken,
    });
    return { ok: true };
  } catch (error) {
    return { ok: false, code: isZohoError(error) ? error.code : "UNKNOWN" };
  }
}

/** Revokes now; on failure queues the token for a retry. Never throws. */
export async function revokeOrQueue(
  deps: AdminDeps,
  target: RevokeTarget,
): Promise<RevokeOutcome> {
  const started = Date.now();
  const attempt = await attemptRevoke(deps, target);
  if (attempt.ok) return attempt;

  const pendingId = queueRevocation(deps, target, attempt.code);
  log.warn(
    {
      event: "revoke_failed",
      user: target.user,
      tokenId: target.tokenId,
      dataCentre: target.dataCentre,
      status: attempt.code,
      duration: Date.now() - started,
    },
    "revoke at Zoho failed; queued for a retry",
  );
  return { ok: false, code: attempt.code, pendingId };
}

/** Retries one pending revoke; audited either way. */
export async function retryRevocation(
  deps: AdminDeps,
  id: string,
): Promise<RetryResult> {
  const started = Date.now();
  let target: ReturnType<typeof claimPending>;
  try {
    target = claimPending(deps, id);
  } catch (error) {
    const user = pendingUser(deps.db, id) ?? "unknown";
    const code = (error as { code?: string }).code ?? "STORE_FAILURE";
    notePendingFailure(deps.db, id, code);
    return { status: "failed", user, code };
  }
  if (target === null) return { status: "not_found", id };
  if (target === "busy") {
    return { status: "busy", user: pendingUser(deps.db, id) ?? "unknown" };
  }

  const attempt = await attemptRevoke(deps, target);
  if (attempt.ok) removePending(deps.db, id);
  else notePendingFailure(deps.db, id, attempt.code);
  noteRetry(deps, target, attempt, Date.now() - started);
  return attempt.ok
    ? { status: "revoked", user: target.user }
    : { status: "failed", user: target.user, code: attempt.code };
}

/** Retries the revokes not tried for RETRY_IDLE_MS (on page load). */
export async function retryDueRevocations(
  deps: AdminDeps,
): Promise<RetryResult[]> {
  const ids = duePendingIds(deps.db, RETRY_IDLE_MS, RETRY_BATCH);
  return Promise.all(ids.map((id) => retryRevocation(deps, id)));
}

function noteRetry(
  deps: AdminDeps,
  target: RevokeTarget,
  attempt: Attempt,
  duration: number,
): void {
  const status = attempt.ok ? "revoked" : attempt.code;
  const fields = {
    event: "revoke_retried",
    user: target.user,
    tokenId: target.tokenId,
    dataCentre: target.dataCentre,
    status,
    duration,
  };
  if (attempt.ok) log.info(fields, "pending revoke done at Zoho");
  else log.warn(fields, "pending revoke failed again");
  recordAudit(deps.db, {
    event: "revoke_retried",
    actor: deps.actor,
    subject: target.user,
    dataCentre: target.dataCentre,
    outcome: attempt.ok ? "revoked at Zoho" : `revoke failed: ${status}`,
  });
}
