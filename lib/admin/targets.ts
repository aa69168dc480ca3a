/**
 * Turns what an admin or operator names (a token id, or a user's email)
 * into a token id. Input is checked first, so a malformed id is "unknown"
 * and never an error of the store.
 */
import type { PortalTokenStore } from "@/lib/token-store";

const MAX_TARGET = 254;

/** The id of the stored token `target` names, or null. */
export async function findTarget(
  store: PortalTokenStore,
  target: string,
): Promise<string | null> {
  const value = target.trim();
  if (!value || value.length > MAX_TARGET || /[\0-\x1f]/.test(value)) {
    return null;
  }
  if (value.includes("@")) return findByEmail(store, value);
  const token = await store.findTokenById(value);
  return token?.id ?? null;
}

async function findByEmail(
  store: PortalTokenStore,
  email: string,
): Promise<string | null> {
  const wanted = email.toLowerCase();
  const tokens = await store.getTokens();
  const match = tokens.find(
    (t) => t.userSignature?.name.toLowerCase() === wanted,
  );
  return match?.id ?? null;
}
