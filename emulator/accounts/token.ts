/**
 * POST /oauth/v2/token. Zoho answers errors with HTTP 200 and an `error`
 * field (Zoho docs: token errors); the throttle with its "Access Denied" body.
 */
import type { Context, Hono } from "hono";
import { digestOf } from "../http/digest";
import type { DcContext, LogExtra } from "../http/context";
import { jsonResponse, logCall } from "../http/context";
import { takeFault } from "../http/faults";
import { readParams } from "../http/params";
import {
  exchangeCode,
  failure,
  refreshToken,
  type GrantResult,
} from "./token-grants";

/** Mounts the token endpoint on an accounts app. */
export function mountToken(app: Hono, ctx: DcContext): void {
  app.post("/oauth/v2/token", (c) => handleToken(c, ctx));
  app.all("/oauth/v2/token", (c) => {
    logCall(ctx, c, "token", 405, { error: "invalid_request" });
    return jsonResponse({ error: "invalid_request" }, 405);
  });
}

async function handleToken(c: Context, ctx: DcContext): Promise<Response> {
  const faulted = await takeFault(ctx, "token");
  if (faulted?.response) {
    logCall(ctx, c, "token", faulted.response.status, {
      error: `fault:${faulted.fault.kind}`,
    });
    return faulted.response;
  }

  const result = await grant(c, ctx);
  logCall(ctx, c, "token", result.status ?? 200, result.log);
  return jsonResponse(result.body, result.status ?? 200);
}

async function grant(c: Context, ctx: DcContext): Promise<GrantResult> {
  const read = await readParams(c.req.raw, ctx.state.limits.maxBodyBytes);
  if (!read.ok) {
    const status = read.error === "too_large" ? 413 : 200;
    return failure("invalid_request", {}, status);
  }

  const params = read.params;
  const grantType = params.get("grant_type");
  const clientId = params.get("client_id");
  const log: LogExtra = { grantType, clientId };
  const client = ctx.state.clients.get(clientId ?? "");
  if (!client || client.clientSecret !== params.get("client_secret")) {
    return failure("invalid_client", log);
  }

  if (grantType === "authorization_code") {
    const code = params.get("code") ?? "";
    return exchangeCode(ctx, params, { ...log, tokenDigest: digest(code) });
  }
  if (grantType === "refresh_token") {
    const token = params.get("refresh_token") ?? "";
    return refreshToken(ctx, params, { ...log, tokenDigest: digest(token) });
  }
  return failure("unsupported_grant_type", log);
}

function digest(value: string): string | undefined {
  return value ? digestOf(value) : undefined;
}
