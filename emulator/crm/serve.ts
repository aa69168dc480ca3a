/**
 * The path every CRM call takes: faults, the Authorization header, the
 * token, the user's API permission, then the route, then the log.
 */
import type { Context } from "hono";
import type { DcContext } from "../http/context";
import { logCall } from "../http/context";
import { digestOf } from "../http/digest";
import { takeFault } from "../http/faults";
import { accessProblem, type ZohoAccessGrant } from "../state/grants";
import type { ZohoSeedUser } from "../state/seed";
import { grants } from "../scopes";
import {
  crmError,
  invalidParam,
  SCOPE_MISMATCH,
  toResponse,
  type CrmReply,
} from "./reply";

/** An authenticated CRM call. */
export interface CrmCall {
  ctx: DcContext;
  user: ZohoSeedUser;
  grant: ZohoAccessGrant;
  query: URLSearchParams;
}

/** A route body: gets the call, returns the reply. */
export type CrmHandler = (call: CrmCall) => CrmReply;

const HEADER = /^Zoho-oauthtoken ([\x21-\x7e]+)$/;

/** Runs a CRM handler behind Zoho's checks and logs the outcome. */
export async function serveCrm(
  c: Context,
  ctx: DcContext,
  handler: CrmHandler,
): Promise<Response> {
  const faulted = await takeFault(ctx, "api");
  if (faulted?.response) {
    logCall(ctx, c, "api", faulted.response.status, {
      error: `fault:${faulted.fault.kind}`,
    });
    return faulted.response;
  }

  const token = HEADER.exec(c.req.header("authorization") ?? "")?.[1];
  const tokenDigest = token ? digestOf(token) : undefined;
  const grant = token ? ctx.state.tokens.access.get(token) : undefined;
  const user = ctx.state.userByZuid(grant?.zuid ?? "");
  const query = queryOf(c);
  const reply =
    authenticate(ctx, token, grant, user) ??
    repeatedParam(query) ??
    handler({ ctx, user: user!, grant: grant!, query });

  logCall(ctx, c, "api", reply.status, {
    tokenDigest,
    clientId: grant?.clientId,
    user: user?.email,
    error: reply.error,
  });
  return toResponse(reply);
}

function authenticate(
  ctx: DcContext,
  token: string | undefined,
  grant: ZohoAccessGrant | undefined,
  user: ZohoSeedUser | undefined,
): CrmReply | null {
  if (!token) {
    return crmError("AUTHENTICATION_FAILURE", 401, "Authentication failed");
  }
  const problem = accessProblem(grant, ctx.dc, ctx.state.clock.now());
  if (problem !== null || !user) {
    return crmError("INVALID_TOKEN", 401, "invalid oauth token");
  }
  if (!user.api_access) {
    return crmError("NO_PERMISSION", 403, "permission denied", {
      permissions: ["Crm_Implied_Api_Access"],
    });
  }
  return null;
}

function queryOf(c: Context): URLSearchParams {
  return new URL(c.req.url).searchParams;
}

/** OAUTH_SCOPE_MISMATCH unless the token holds one of `accepted`. */
export function needScope(call: CrmCall, accepted: string[]): CrmReply | null {
  return grants(call.grant.scopes, accepted) ? null : SCOPE_MISMATCH;
}

/** INVALID_DATA when a query parameter is given more than once. */
function repeatedParam(query: URLSearchParams): CrmReply | null {
  const names = [...query.keys()];
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  return twice === undefined ? null : invalidParam(twice);
}
