import "server-only";

import { withZohoAccess } from "@/lib/auth/zoho-call";
import type { PortalSession } from "@/lib/auth/sessions";
import { portalConfig } from "@/lib/auth/config";
import { PORTAL_MODULES, type PortalModule } from "@/lib/zoho/modules";
import {
  countRecords,
  fetchCurrentUser,
  type CrmUser,
} from "@/lib/zoho/records";

export interface DashboardProfile extends CrmUser {
  dataCentre: string;
}

/** The user's CRM profile and the data centre that serves it. */
export function loadProfile(session: PortalSession): Promise<DashboardProfile> {
  return withZohoAccess(session, async (access) => {
    const user = await fetchCurrentUser(access);
    const dc = portalConfig().dataCentres.byApiDomain(access.apiDomain);
    return { ...user, dataCentre: dc?.label ?? "Unknown" };
  });
}

/** How many records of each module the user may see. */
export function loadCounts(
  session: PortalSession,
): Promise<{ module: PortalModule; count: number }[]> {
  return withZohoAccess(session, (access) =>
    Promise.all(
      PORTAL_MODULES.map(async (module) => ({
        module,
        count: await countRecords(access, module),
      })),
    ),
  );
}
