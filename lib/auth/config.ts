import "server-only";

import { env } from "@/lib/env";
import { portalKeyRing } from "@/lib/portal-keys";
import {
  createSqliteTokenStore,
  type PortalTokenStore,
} from "@/lib/token-store";
import { DataCentres } from "@/lib/zoho/data-centres";
import type { ZohoClient } from "@/lib/zoho/oauth";

export interface PortalConfig {
  client: ZohoClient;
  /** Where sign-in starts; Zoho hands users over to their data centre. */
  accountsUrl: string;
  redirectUri: string;
  dataCentres: DataCentres;
  demo: boolean;
  admins: string[];
  /** The academy's CRM org ids: their Administrators are admins. */
  crmOrgs: string[];
}

let config: PortalConfig | undefined;
let store: PortalTokenStore | undefined;

/** The portal's settings, derived once from the validated environment. */
export function portalConfig(): PortalConfig {
  if (config) return config;
  const e = env();
  config = {
    client: { clientId: e.ZOHO_CLIENT_ID, clientSecret: e.ZOHO_CLIENT_SECRET },
    accountsUrl: e.ZOHO_ACCOUNTS_URL.replace(/\/+$/, ""),
    redirectUri: new URL("/api/auth/callback/zoho", e.NEXTAUTH_URL).toString(),
    dataCentres: new DataCentres(e.ZOHO_EXTRA_DATA_CENTRES),
    demo: e.PORTAL_DEMO,
    admins: e.PORTAL_ADMINS.map((a) => a.toLowerCase()),
    crmOrgs: e.PORTAL_CRM_ORGS,
  };
  return config;
}

/** The key ring of the token store (see lib/portal-keys.ts). */
export const tokenKeyRing = portalKeyRing;

/** The process's token store, sealed with tokenKeyRing(). */
export function tokenStore(): PortalTokenStore {
  if (store) return store;
  store = createSqliteTokenStore({
    path: env().DATABASE_PATH,
    encryptionKey: tokenKeyRing(),
  });
  return store;
}
