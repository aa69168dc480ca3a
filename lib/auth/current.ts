import "server-only";

import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";

import { env } from "@/lib/env";

import {
  lookupSession,
  type PortalSession,
  type SessionLookup,
} from "./sessions";

/** next-auth's cookie name: `__Secure-` prefixed when served over HTTPS. */
export function sessionCookieName(): string {
  const secure = env().NEXTAUTH_URL.startsWith("https://");
  return `${secure ? "__Secure-" : ""}next-auth.session-token`;
}

/**
 * This request's session, looked up in the database on every request (once
 * per render): a session ended by sign-out or by an admin is refused at
 * once, even when the browser still sends its cookie.
 */
export const readSession = cache(async (): Promise<SessionLookup> => {
  const jar = await cookies();
  const raw = jar.get(sessionCookieName())?.value;
  if (!raw) return { state: "none" };

  let sid: unknown;
  try {
    const payload = await decode({ token: raw, secret: env().NEXTAUTH_SECRET });
    sid = payload?.sid;
  } catch {
    return { state: "none" };
  }
  if (typeof sid !== "string") return { state: "none" };
  return lookupSession(sid);
});

/** The signed-in user's session; otherwise redirects to the sign-in page. */
export async function requireSession(): Promise<PortalSession> {
  const lookup = await readSession();
  if (lookup.state === "active") return lookup.session;
  if (lookup.state === "ended") redirect(`/?ended=${lookup.reason}`);
  redirect("/");
}
