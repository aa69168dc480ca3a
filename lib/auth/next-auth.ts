import "server-only";

import type { NextAuthOptions } from "next-auth";

import { recordAudit } from "@/lib/audit";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

import { tokenStore } from "./config";
import { portalDb } from "./database";
import { SIGN_IN_FAILURES, type SignInFailure } from "./errors";
import { noteSignInFailure } from "./callback-context";
import { completeSignIn, hasRefreshToken } from "./sign-in";
import { dataCentreOf } from "./refresh";
import { endSession, lookupSession, SESSION_MAX_AGE_S } from "./sessions";
import { zohoProvider, type PortalTokens } from "./zoho-provider";

let options: NextAuthOptions | undefined;

/**
 * next-auth runs the flow (state and PKCE checks, CSRF on sign-out); the
 * portal keeps the session. The JWT cookie holds only `sid`, a reference
 * to a server-side session row: never a Zoho token, name or email.
 */
export function authOptions(): NextAuthOptions {
  options ??= {
    secret: env().NEXTAUTH_SECRET,
    providers: [zohoProvider()],
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/", error: "/auth/error", signOut: "/" },
    debug: false,
    callbacks: {
      async signIn({ user, account }) {
        const tokens = account as unknown as PortalTokens;
        if (await hasRefreshToken(user.email!, tokens.portal_tokens)) {
          return true;
        }
        return new URL("/auth/consent", env().NEXTAUTH_URL).toString();
      },
      async jwt({ token, user, account, trigger }) {
        // Outside sign-in, a cookie whose session ended is refused:
        // next-auth then clears it instead of reporting a session.
        if (trigger !== "signIn" || !account) return liveOrThrow(token);
        const tokens = account as unknown as PortalTokens;
        const sid = await completeSignIn({
          profile: {
            zuid: user.id,
            email: user.email!,
            displayName: user.name!,
          },
          tokens: tokens.portal_tokens,
          accountsServer: tokens.accounts_server,
          location: tokens.location,
        });
        return { sid };
      },
    },
    events: {
      signOut: async ({ token }) => recordSignOut(token?.sid),
    },
    logger: {
      error: (code, metadata) => onAuthError(code, metadata),
      warn: (code) => log.warn({ event: "nextauth_warning", status: code }),
      debug: () => {},
    },
  };
  return options;
}

/** The token of a live session; throws when its session has ended. */
function liveOrThrow<T extends Record<string, unknown>>(token: T): T {
  const sid = token.sid;
  if (typeof sid === "string" && lookupSession(sid).state === "active") {
    return token;
  }
  throw new Error("SESSION_ENDED");
}

/** Ends this browser's session and says so in the log and the audit. */
async function recordSignOut(sid: unknown): Promise<void> {
  const started = Date.now();
  const reference = typeof sid === "string" ? sid : null;
  const lookup = reference ? lookupSession(reference) : null;
  const session = lookup?.state === "active" ? lookup.session : null;
  if (reference && session) endSession(reference, "signed_out");

  const user = session?.userName ?? null;
  const status = session ? "ok" : "no session";
  const token = session?.tokenId
    ? await tokenStore().findTokenById(session.tokenId)
    : null;
  const dataCentre = token ? dataCentreOf(token) : null;
  log.info(
    {
      event: "signed_out",
      user,
      tokenId: session?.tokenId,
      dataCentre,
      status,
      duration: Date.now() - started,
    },
    "browser session ended",
  );
  recordAudit(portalDb(), {
    event: "signed_out",
    actor: user ?? "anonymous",
    dataCentre,
    outcome: status,
  });
}

/**
 * next-auth reports every failure here. The reason is classified for the
 * error page; only codes and error names are logged, never the metadata
 * (it may hold the callback's query or the provider's answer).
 */
function onAuthError(code: string, metadata: unknown): void {
  const error = metadata instanceof Error ? metadata : errorOf(metadata);
  const reason = classify(error);
  if (reason) noteSignInFailure(reason);
  const session = code === "JWT_SESSION_ERROR";
  log.warn(
    {
      event: session ? "session_refused" : "sign_in_failed",
      status: code,
      reason: reason ?? error?.name,
    },
    session ? "session cookie refused" : "sign-in failed",
  );
}

function errorOf(metadata: unknown): Error | undefined {
  if (metadata && typeof metadata === "object" && "error" in metadata) {
    const inner = (metadata as { error: unknown }).error;
    return inner instanceof Error ? inner : undefined;
  }
  return undefined;
}

function classify(error: Error | undefined): SignInFailure | undefined {
  if (!error) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && Object.hasOwn(SIGN_IN_FAILURES, code)) {
    return code as SignInFailure;
  }
  if (/state|pkce|code_verifier/i.test(error.message)) return "STATE_MISMATCH";
  if (error.message === "access_denied") return "CONSENT_DENIED";
  return undefined;
}
