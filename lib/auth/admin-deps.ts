import "server-only";

import type { AdminDeps } from "@/lib/admin";
import { revokeRefreshToken } from "@/lib/zoho/oauth";

import { portalConfig, tokenKeyRing, tokenStore } from "./config";
import { portalDb } from "./database";

/** lib/admin's dependencies in the web app, acting as `actor`. */
export function adminDepsFor(actor: string): AdminDeps {
  return {
    store: tokenStore(),
    db: portalDb(),
    keyRing: tokenKeyRing(),
    dataCentres: portalConfig().dataCentres,
    revoke: revokeRefreshToken,
    actor,
  };
}
