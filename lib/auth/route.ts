import "server-only";

import NextAuth from "next-auth";
import type { NextRequest } from "next/server";

import { recordAudit } from "@/lib/audit";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

import { portalConfig } from "./config";
import { portalDb } from "./database";
import type { DataCentre } from "@/lib/zoho/data-centres";

import type { SignInFailure } from "./errors";
import { authOptions } from "./next-auth";
import { runAuthRequest } from "./callback-context";

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
  const started = Date.now();
  const [action, provider] = (await ctx.params).nextauth;
  let dataCentre: DataCentre | undefined;
  if (action === "callback" && provider === "zoho") {
    const checked = precheckCallback(req);
    if ("failure" in checked) return failTo(checked.failure, { started });
    dataCentre = checked.dataCentre;
  }
  if (action === "signin") keepOnlyConsentPrompt(req);

  const handler = NextAuth(authOptions());
  const { result, failure } = await runAuthRequest(
    dataCentre,
    () => handler(req, ctx) as Promise<Response>,
  );
  const location = result.headers.get("location") ?? "";
  if (!location.includes("/auth/error")) return result;
  return failTo(failure ?? "SIGN_IN_FAILED", {
    started,
    dataCentre: dataCentre?.location,
    headers: result.headers,
  });
}

/** Parameters read once each: a repeated one could be read two ways. */
const CALLBACK_PARAMS = [
  "code",
  "state",
  "accounts-server",
  "location",
  "error",
];

/** Zoho's error, or the allowlisted data centre the callback names. */
function precheckCallback(
  req: NextRequest,
): { failure: SignInFailure } | { dataCentre: DataCentre } {
  const query = req.nextUrl.searchParams;
  if (CALLBACK_PARAMS.some((name) => query.getAll(name).length > 1)) {
    return { failure: "SIGN_IN_FAILED" };
  }
  const error = query.get("error");
  if (error) {
    const denied = error === "access_denied";
    return { failure: denied ? "CONSENT_DENIED" : "SIGN_IN_FAILED" };
  }
  const server = query.get("accounts-server");
  const dataCentre = portalConfig().dataCentres.byAccountsServer(server);
  return dataCentre ? { dataCentre } : { failure: "DC_NOT_ALLOWED" };
}

/** Only prompt=consent may be passed on to Zoho's authorize URL. */
function keepOnlyConsentPrompt(req: NextRequest): void {
  const query = req.nextUrl.searchParams;
  const consent = query.get("prompt") === "consent";
  for (const key of [...query.keys()]) query.delete(key);
  if (consent) query.set("prompt", "consent");
}

/** Ends on the error page, keeping next-auth's cookie changes. */
function failTo(
  code: SignInFailure,
  context: { started: number; dataCentre?: string; headers?: Headers },
): Response {
  const { started, dataCentre = null } = context;
  log.warn(
    {
      event: "sign_in_failed",
      status: code,
      dataCentre,
      duration: Date.now() - started,
    },
    "sign-in stopped",
  );
  recordAudit(portalDb(), {
    event: "sign_in_failed",
    actor: "anonymous",
    dataCentre,
    outcome: code,
  });
  const target = new URL(`/auth/error?code=${code}`, env().NEXTAUTH_URL);
  const out = new Headers(context.headers);
  out.set("location", target.toString());
  return new Response(null, { status: 302, headers: out });
}
