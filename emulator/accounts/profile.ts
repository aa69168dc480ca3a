/**
 * The profile endpoints: legacy GET /oauth/user/info (AaaServer.profile
 * scope) and OIDC GET /oauth/v2/userinfo (openid scope) (Zoho docs: user info).
 */
import type { Context, Hono } from "hono";
import type { DcContext } from "../http/context";
import { jsonResponse, logCall } from "../http/context";
import { digestOf } from "../http/digest";
import { takeFault } from "../http/faults";
import { accessProblem } from "../state/grants";
import type { ZohoSeedUser } from "../state/seed";
import { grants, PROFILE_SCOPES } from "../scopes";
import { oidcClaims } from "./oidc-keys";

/** Mounts /oauth/user/info and /oauth/v2/userinfo. */
export function mountProfile(app: Hono, ctx: DcContext): void {
  app.get("/oauth/user/info", (c) =>
    handleProfile(c, ctx, PROFILE_SCOPES, legacyProfile),
  );
  app.get("/oauth/v2/userinfo", (c) =>
    handleProfile(c, ctx, ["openid"], (u) => ({
      sub: u.zuid,
      ...oidcClaims(u),
    })),
  );
}

function legacyProfile(user: ZohoSeedUser) {
  return {
    ZUID: Number(user.zuid),
    Email: user.email,
    First_Name: user.first_name,
    Last_Name: user.last_name,
    Display_Name: user.full_name,
  };
}

/** Token from `Zoho-oauthtoken` or `Bearer`; null when unusable. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^(?:Zoho-oauthtoken|Bearer) ([\x21-\x7e]+)$/i.exec(
    header ?? "",
  );
  return match?.[1] ?? null;
}

async function handleProfile(
  c: Context,
  ctx: DcContext,
  scopes: string[],
  shape: (user: ZohoSeedUser) => Record<string, unknown>,
): Promise<Response> {
  const faulted = await takeFault(ctx, "userinfo");
  if (faulted?.response) {
    logCall(ctx, c, "userinfo", faulted.response.status, {
      error: `fault:${faulted.fault.kind}`,
    });
    return faulted.response;
  }

  const token = bearerToken(c.req.header("authorization"));
  const tokenDigest = token ? digestOf(token) : undefined;
  const grant = token ? ctx.state.tokens.access.get(token) : undefined;
  const now = ctx.state.clock.now();
  if (!token || accessProblem(grant, ctx.dc, now) !== null || !grant) {
    return refuse(c, ctx, "invalid_token", tokenDigest);
  }

  const user = ctx.state.userByZuid(grant.zuid);
  const log = { tokenDigest, clientId: grant.clientId, user: user?.email };
  if (!user || !grants(grant.scopes, scopes)) {
    return refuse(c, ctx, "INVALID_OAUTHSCOPE", tokenDigest, log);
  }
  logCall(ctx, c, "userinfo", 200, log);
  return jsonResponse(shape(user));
}

function refuse(
  c: Context,
  ctx: DcContext,
  error: string,
  tokenDigest?: string,
  log: Record<string, string | undefined> = {},
): Response {
  logCall(ctx, c, "userinfo", 401, { ...log, tokenDigest, error });
  return jsonResponse({ error }, 401);
}
