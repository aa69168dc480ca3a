import "server-only";

import {
  endOneSession,
  endSessionsOf,
  findSession,
  insertSession,
  type SessionEndReason,
  type SessionLookup,
} from "@/lib/sessions/store";

import { portalDb } from "./database";

export {
  SESSION_MAX_AGE_S,
  type PortalSession,
  type SessionEndReason,
  type SessionLookup,
} from "@/lib/sessions/store";

/**
 * Starts a server-side session and returns its reference, the only thing
 * the browser's cookie will carry.
 */
export function createSession(userName: string, tokenId: string): string {
  return insertSession(portalDb(), userName, tokenId);
}

/** Resolves a cookie's reference to its live session, if any. */
export function lookupSession(reference: string): SessionLookup {
  return findSession(portalDb(), reference);
}

/** Ends one browser's session. */
export function endSession(reference: string, reason: SessionEndReason): void {
  endOneSession(portalDb(), reference, reason);
}

/** Ends every live session of a user; returns how many ended. */
export function endUserSessions(
  userName: string,
  reason: SessionEndReason,
): number {
  return endSessionsOf(portalDb(), userName, reason);
}
