/**
 * The commands of `npm run tokens`, over lib/admin. Each prints its outcome
 * on stdout (JSON with --json) and returns its exit reason; a refusal is
 * thrown as a CliFailure. Audit entries name "cli" as the actor.
 */
import {
  describeLogout,
  describeLogoutAll,
  describeRetry,
  listPending,
  listTokenRows,
  logoutEveryone,
  logoutUser,
  retryRevocation,
  type AdminDeps,
} from "@/lib/admin";

import { CliFailure, type ExitReason } from "./tokens-exit";
import { formatTokenJson, formatTokenTable } from "./tokens-output";

/** How a command reports. */
export interface Output {
  json: boolean;
  print(text: string): void;
}

/** `list`: every stored token and pending revoke. */
export async function listCommand(
  deps: AdminDeps,
  out: Output,
): Promise<ExitReason> {
  const rows = await listTokenRows(deps);
  const pending = listPending(deps.db);
  out.print(
    out.json ? formatTokenJson(rows, pending) : formatTokenTable(rows, pending),
  );
  return "OK";
}

/** `revoke <id or email>`: one user out, locally and at Zoho. */
export async function revokeCommand(
  deps: AdminDeps,
  out: Output,
  target: string | undefined,
): Promise<ExitReason> {
  if (!target) {
    throw new CliFailure("USAGE", "revoke needs a token id or an email.");
  }
  const result = await logoutUser(deps, target);
  if (result.status === "not_found") {
    throw new CliFailure(
      "UNKNOWN_TARGET",
      `No stored token for "${target}": unknown user or token id, ` +
        "or already logged out.",
    );
  }
  report(out, result, describeLogout(result).text);
  return result.revoke.ok ? "OK" : "REVOKE_FAILED";
}

/** `revoke-all`: everyone out, locally and at Zoho. */
export async function revokeAllCommand(
  deps: AdminDeps,
  out: Output,
): Promise<ExitReason> {
  const result = await logoutEveryone(deps);
  report(out, result, describeLogoutAll(result).text);
  return result.failed ? "REVOKE_FAILED" : "OK";
}

/** `revoke-pending`: retries every revoke Zoho has not confirmed. */
export async function revokePendingCommand(
  deps: AdminDeps,
  out: Output,
): Promise<ExitReason> {
  const results = [];
  for (const row of listPending(deps.db)) {
    results.push(await retryRevocation(deps, row.id));
  }
  const lines = results.map((r) => describeRetry(r).text);
  report(out, { results }, lines.join("\n") || "No pending revokes.");
  const failed = results.some((r) => r.status === "failed");
  return failed ? "REVOKE_FAILED" : "OK";
}

function report(out: Output, result: unknown, text: string): void {
  out.print(out.json ? JSON.stringify(result, null, 2) : text);
}
