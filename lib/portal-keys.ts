/**
 * The token store's key ring for this portal, from TOKEN_STORE_KEYS. In the
 * demo, a missing value means a generated key kept next to the database;
 * elsewhere it is an error that names the variable. A plain module: the
 * server's start-up check loads it before the first request.
 */
import path from "node:path";

import { env } from "@/lib/env";
import { loadKeyRing, type KeyRing } from "@/lib/token-store";

let keyRing: KeyRing | undefined;

/** Loads (once) and returns the key ring; throws TokenStoreError. */
export function portalKeyRing(): KeyRing {
  if (keyRing) return keyRing;
  const e = env();
  const demoKeyFile = e.PORTAL_DEMO
    ? path.join(path.dirname(e.DATABASE_PATH), "token-store.key")
    : undefined;
  keyRing = loadKeyRing({ value: e.TOKEN_STORE_KEYS, demoKeyFile });
  return keyRing;
}
