import "server-only";

import NextAuth from "next-auth";
import type { NextRequest } from "next/server";

import { recordAudit } from "@/lib/audit";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

import { portalConfig } from "./config";
import { portalDb } from "./database";
import type { SignInFailure } from "./errors";
import { authOptions } from "./next-auth";
import { captureSignInFailure } from "./sign-in-failures";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/**
 * The /api/auth/* handler: next-auth, with the portal's checks around it.
 * A callback from an unknown accounts server or with Zoho's error never
 * reaches the token exchange; every failure lands on /auth/error?code=….
 */
export async function handleAuth(
  req: NextRequest,
  ctx: RouteContext,
): Promise<Response> {
  const [action, provider] = (await ctx.params).nextauth;
  if (action === "callback" && provider === "zoho") {
    const early = precheckCallback(req);
    if (early) return failTo(req, early);
  }
  if (action === "signin") keepOnlyConsentPrompt(req);

  const handler = NextAuth(authOptions());
  const { result, failure } = await captureSignInFailure(
    () => handler(req, ctx) as Promise<Response>,
  );
  const location = result.headers.get("location") ?? "";
  if (!location.includes("/auth/error")) return result;
  return failTo(req, failure ?? "SIGN_IN_FAILED", result.headers);
}

function precheckCallback(req: NextRequest): SignInFailure | null {
  const query = req.nextUrl.searchParams;
  const error = query.get("error");
  if (error) return error === "access_denied" ? "CONSENT_DENIED" : "SIGN_IN_FAILED";
  const server = query.get("accounts-server");
  if (!portalConfig().dataCentres.byAccountsServer(server)) {
    return "DC_NOT_ALLOWED";
  }
  return null;
}

/** Only prompt=consent may be passed on to Zoho's authorize URL. */
function keepOnlyConsentPrompt(req: NextRequest): void {
  const query = req.nextUrl.searchParams;
  const consent = query.get("prompt") === "consent";
  for (const key of [...query.keys()]) query.delete(key);
  if (consent) query.set("prompt", "consent");
}

function failTo(
  req: NextRequest,
  code: SignInFailure,
  headers?: Headers,
): Response {
  log.warn({ event: "sign_in_failed", status: code }, "sign-in stopped");
  recordAudit(portalDb(), {
    event: "sign_in_failed",
    actor: "anonymous",
    outcome: code,
  });
  const target = new URL(`/auth/error?code=${code}`, env().NEXTAUTH_URL);
  const out = new Headers(headers);
  out.set("location", target.toString());
  return new Response(null, { status: 302, headers: out });
}
