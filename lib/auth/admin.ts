import "server-only";

import { forbidden, unstable_rethrow } from "next/navigation";

import { isPortalAdmin } from "@/lib/admin";
import { recordAudit } from "@/lib/audit";
import { log } from "@/lib/log";
import { isZohoError } from "@/lib/zoho/errors";
import { fetchCurrentUser, fetchOrgIds } from "@/lib/zoho/records";

import { portalConfig } from "./config";
import { requireSession } from "./current";
import { portalDb } from "./database";
import type { PortalSession } from "./sessions";
import { withZohoAccess } from "./zoho-call";

/** How long a CRM profile answer is trusted. */
const PROFILE_TTL_MS = 60_000;

/** CRM answers by user, in flight or settled, until they expire. */
const profiles = new Map<string, { admin: Promise<boolean>; until: number }>();

/**
 * True for the portal's admins: an email listed in PORTAL_ADMINS, or an
 * Administrator of one of the academy's CRM orgs (PORTAL_CRM_ORGS; asked
 * with the user's own token, trusted for a minute). Fails closed: when Zoho cannot say, the
 * user is not an admin for this request.
 */
export async function isAdmin(session: PortalSession): Promise<boolean> {
  const email = session.userName.toLowerCase();
  const rules = portalConfig();
  if (isPortalAdmin(email, null, rules)) return true;
  if (rules.crmOrgs.length === 0) return false;

  const cached = profiles.get(email);
  if (cached && cached.until > Date.now()) return cached.admin;
  const admin = crmSaysAdmin(session);
  profiles.set(email, { admin, until: Date.now() + PROFILE_TTL_MS });
  // A redirect (Zoho ended the access) is no answer: do not keep it.
  admin.catch(() => profiles.delete(email));
  return admin;
}

async function crmSaysAdmin(session: PortalSession): Promise<boolean> {
  try {
    const [user, org] = await withZohoAccess(session, (access) =>
      Promise.all([fetchCurrentUser(access), fetchOrgIds(access)]),
    );
    const standing = {
      profile: user.profile,
      orgId: org.id,
      orgZgid: org.zgid,
    };
    return isPortalAdmin(session.userName, standing, portalConfig());
  } catch (error) {
    unstable_rethrow(error);
    // A user without CRM API access is not an admin; any other failure
    // is not an answer, so it is not kept.
    if (!isZohoError(error, "ZOHO_NO_PERMISSION", "ZOHO_SCOPE_MISMATCH")) {
      profiles.delete(session.userName.toLowerCase());
    }
    const status = isZohoError(error) ? error.code : "UNKNOWN";
    log.warn(
      { event: "admin_check_failed", user: session.userName, status },
      "could not read the CRM profile; not treated as an admin",
    );
    return false;
  }
}

/**
 * The signed-in admin's session. Anyone else is refused with 403 (the
 * forbidden page), and the attempt is logged and audited with who tried.
 * `attempt` names what was tried, e.g. "open /admin".
 */
export async function requireAdmin(attempt: string): Promise<PortalSession> {
  const session = await requireSession();
  if (await isAdmin(session)) return session;

  log.warn(
    { event: "admin_refused", user: session.userName, status: attempt },
    "admin access refused",
  );
  recordAudit(portalDb(), {
    event: "admin_refused",
    actor: session.userName,
    outcome: "refused",
    detail: attempt,
  });
  forbidden();
}
