/**
 * What `npm run tokens -- list` prints: an aligned table for people, or
 * JSON for machines. Never a token value: rows come from lib/admin.
 */
import type { PendingRow, TokenRow } from "@/lib/admin";

const time = (ms: number | null) =>
  ms === null ? "-" : new Date(ms).toISOString().slice(0, 16) + "Z";

/** The token list as aligned columns, then the pending revokes. */
export function formatTokenTable(
  rows: TokenRow[],
  pending: PendingRow[],
): string {
  const header = [
    "ID",
    "USER",
    "DC",
    "EXPIRES",
    "LAST REFRESH",
    "FIRST SIGN-IN",
    "SESSIONS",
  ];
  const cells = rows.map((r) => [
    r.id,
    r.user,
    r.dataCentre ?? "?",
    time(r.expiresAt),
    time(r.lastRefreshAt),
    time(r.firstSignInAt),
    String(r.liveSessions),
  ]);
  const lines = rows.length ? align([header, ...cells]) : ["No stored tokens."];
  for (const p of pending) {
    lines.push(
      `Pending revoke ${p.id}: ${p.user} (${p.dataCentre ?? "?"}), ` +
        `${p.attempts} attempt(s), last error ${p.lastError}`,
    );
  }
  return lines.join("\n");
}

/** The token list as JSON. */
export function formatTokenJson(rows: TokenRow[], pending: PendingRow[]) {
  return JSON.stringify({ tokens: rows, pendingRevocations: pending }, null, 2);
}

function align(table: string[][]): string[] {
  const widths = table[0]!.map((_, i) =>
    Math.max(...table.map((row) => row[i]!.length)),
  );
  return table.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join("  ")
      .trimEnd(),
  );
}
