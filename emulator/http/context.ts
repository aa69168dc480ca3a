/**
 * What every route of one origin knows: the shared state, its data centre
 * and the OIDC signing key.
 */
import type { Context } from "hono";
import type { OidcKeys } from "../accounts/oidc-keys";
import type { EmulatorLogEntry, ZohoLogKind } from "../state/log";
import type { EmulatorState } from "../state/emulator-state";

/** One data centre's view of the emulator. */
export interface DcContext {
  state: EmulatorState;
  dc: string;
  keys: OidcKeys;
}

/** Extra fields of a log entry beyond the request itself. */
export type LogExtra = Omit<
  EmulatorLogEntry,
  "at" | "kind" | "dc" | "method" | "path" | "status"
>;

/** Logs one call; the path never includes the query (it may hold tokens). */
export function logCall(
  ctx: DcContext,
  c: Context,
  kind: ZohoLogKind,
  status: number,
  extra: LogExtra = {},
): void {
  ctx.state.log.add({
    at: ctx.state.clock.now(),
    kind,
    dc: ctx.dc,
    method: c.req.method,
    path: c.req.path,
    status,
    ...extra,
  });
}

/** JSON with an explicit status and charset, as Zoho sends it. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json;charset=UTF-8" },
  });
}

/** HTML with an explicit status. */
export function htmlResponse(html: string, status = 200): Response {
  return new Response(html, {
    status,
    headers: { "content-type": "text/html;charset=UTF-8" },
  });
}
