/**
 * POST /oauth/v2/token/revoke?token=…: revokes a refresh token and every
 * access token minted from it, or one access token (Zoho docs: token
 * revocation).
 */
import type { Context, Hono } from "hono";
import type { DcContext } from "../http/context";
import { jsonResponse, logCall } from "../http/context";
import { digestOf } from "../http/digest";
import { takeFault } from "../http/faults";
import { readParams } from "../http/params";

/** Mounts both revoke paths Zoho documents. */
export function mountRevoke(app: Hono, ctx: DcContext): void {
  app.post("/oauth/v2/token/revoke", (c) => handleRevoke(c, ctx));
  app.post("/oauth/v2/revoke/token", (c) => handleRevoke(c, ctx));
}

async function handleRevoke(c: Context, ctx: DcContext): Promise<Response> {
  const faulted = await takeFault(ctx, "revoke");
  if (faulted?.response) {
    logCall(ctx, c, "revoke", faulted.response.status, {
      error: `fault:${faulted.fault.kind}`,
    });
    return faulted.response;
  }

  const read = await readParams(c.req.raw, ctx.state.limits.maxBodyBytes);
  if (!read.ok) {
    const status = read.error === "too_large" ? 413 : 400;
    return refuse(c, ctx, "invalid_request", status);
  }
  const token = read.params.get("token") ?? "";
  if (!token) return refuse(c, ctx, "invalid_request", 400);

  const tokenDigest = digestOf(token);
  if (!ctx.state.tokens.revoke(token, ctx.dc)) {
    return refuse(c, ctx, "invalid_token", 400, tokenDigest);
  }
  const grant =
    ctx.state.tokens.refresh.get(token) ?? ctx.state.tokens.access.get(token);
  logCall(ctx, c, "revoke", 200, {
    tokenDigest,
    clientId: grant?.clientId,
    user: ctx.state.userByZuid(grant?.zuid ?? "")?.email,
  });
  return jsonResponse({ status: "success" });
}

function refuse(
  c: Context,
  ctx: DcContext,
  error: string,
  status: number,
  tokenDigest?: string,
): Response {
  logCall(ctx, c, "revoke", status, { error, tokenDigest });
  return jsonResponse({ status: "failure", error }, status);
}
