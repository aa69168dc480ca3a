/**
 * GET and POST /oauth/v2/auth: the consent page, Accept and Deny, and the
 * hand-over of a user to their own data centre (Zoho docs: authorization
 * redirect; multi data centre).
 */
import type { Context, Hono } from "hono";
import { renderErrorPage } from "../html";
import type { DcContext } from "../http/context";
import { htmlResponse, logCall } from "../http/context";
import { takeFault } from "../http/faults";
import { readParams } from "../http/params";
import type { ZohoSeedUser } from "../state/seed";
import {
  checkAuthorize,
  withQuery,
  type ZohoAuthorizeRequest,
} from "./authorize-request";
import { renderConsentPage } from "./consent-page";

/** Mounts the authorize routes on an accounts app. */
export function mountAuthorize(app: Hono, ctx: DcContext): void {
  app.get("/oauth/v2/auth", (c) => handle(c, ctx, false));
  app.post("/oauth/v2/auth", (c) => handle(c, ctx, true));
}

async function handle(c: Context, ctx: DcContext, posted: boolean) {
  const faulted = await takeFault(ctx, "authorize");
  if (faulted?.response) {
    logCall(ctx, c, "authorize", faulted.response.status, {
      error: `fault:${faulted.fault.kind}`,
    });
    return faulted.response;
  }

  const read = await readParams(c.req.raw, ctx.state.limits.maxBodyBytes);
  if (!read.ok) return errorPage(c, ctx, "invalid_request", read.error);
  const check = checkAuthorize(read.params, ctx.state.clients);
  if (!check.ok && check.page) {
    return errorPage(c, ctx, check.error, check.detail);
  }
  if (!check.ok) {
    logCall(ctx, c, "authorize", 302, { error: check.error });
    const to = withQuery(check.redirectUri, [
      ["error", check.error],
      ["state", check.state],
    ]);
    return c.redirect(to, 302);
  }

  const params = read.params;
  if (!posted) return consent(c, ctx, check.request, params.get("login_hint"));
  return decide(c, ctx, check.request, params);
}

function consent(
  c: Context,
  ctx: DcContext,
  request: ZohoAuthorizeRequest,
  selected?: string,
  alert?: string,
): Response {
  const status = alert ? 400 : 200;
  logCall(ctx, c, "authorize", status, { clientId: request.client.clientId });
  const html = renderConsentPage({
    request,
    users: ctx.state.seed.users,
    selected,
    location: ctx.dc,
    alert,
  });
  return htmlResponse(html, status);
}

function decide(
  c: Context,
  ctx: DcContext,
  request: ZohoAuthorizeRequest,
  params: Map<string, string>,
): Response {
  const clientId = request.client.clientId;
  if (params.get("decision") === "deny") {
    logCall(ctx, c, "authorize", 302, { clientId, error: "access_denied" });
    const to = withQuery(request.redirectUri, [
      ["error", "access_denied"],
      ["state", request.state],
    ]);
    return c.redirect(to, 302);
  }

  const user = ctx.state.userByEmail(params.get("user") ?? "");
  if (params.get("decision") !== "accept" || !user) {
    return consent(c, ctx, request, undefined, "Choose an account.");
  }
  if (user.dc !== ctx.dc) return handOver(c, ctx, request, user);
  return approve(c, ctx, request, user);
}

/** Zoho sends a user of another DC to that DC's accounts server. */
function handOver(
  c: Context,
  ctx: DcContext,
  request: ZohoAuthorizeRequest,
  user: ZohoSeedUser,
): Response {
  const target = ctx.state.dataCentres[user.dc];
  if (!target) {
    return errorPage(
      c,
      ctx,
      "invalid_location",
      `The data centre "${user.dc}" of this account is not served.`,
    );
  }

  const clientId = request.client.clientId;
  logCall(ctx, c, "authorize", 302, { clientId, user: user.email });
  const to = withQuery(`${target.accountsUrl}/oauth/v2/auth`, [
    ...request.carried,
    ["login_hint", user.email],
  ]);
  return c.redirect(to, 302);
}

function approve(
  c: Context,
  ctx: DcContext,
  request: ZohoAuthorizeRequest,
  user: ZohoSeedUser,
): Response {
  const code = ctx.state.tokens.issueCode({
    clientId: request.client.clientId,
    zuid: user.zuid,
    dc: ctx.dc,
    redirectUri: request.redirectUri,
    scopes: request.scopes,
    offline: request.offline,
    promptConsent: request.promptConsent,
    codeChallenge: request.codeChallenge,
    codeChallengeMethod: request.codeChallengeMethod,
    nonce: request.nonce,
  });

  const clientId = request.client.clientId;
  logCall(ctx, c, "authorize", 302, { clientId, user: user.email });
  const accountsServer = ctx.state.dataCentres[ctx.dc]?.accountsUrl ?? "";
  const to = withQuery(request.redirectUri, [
    ["code", code],
    ["state", request.state],
    ["location", ctx.dc],
    ["accounts-server", accountsServer],
  ]);
  return c.redirect(to, 302);
}

function errorPage(c: Context, ctx: DcContext, error: string, detail: string) {
  logCall(ctx, c, "authorize", 400, { error });
  return htmlResponse(renderErrorPage(error, detail), 400);
}
