/**
 * Who may use the admin console. Anyone with a Zoho account can sign in,
 * and anyone can be Administrator of a CRM org of their own: the CRM
 * profile counts only in one of the academy's own orgs.
 */

/** What the CRM says of a user: their profile and their org. */
export interface CrmStanding {
  profile: string;
  orgId: string;
  orgZgid: string;
}

/** The CRM profile that makes a user of the academy's org an admin. */
export const ADMIN_PROFILE = "Administrator";

/**
 * True when `email` is listed in PORTAL_ADMINS, or when the CRM says the
 * user is Administrator of an org listed in PORTAL_CRM_ORGS (by id or
 * zgid). No org listed: the CRM profile makes nobody an admin.
 */
export function isPortalAdmin(
  email: string,
  standing: CrmStanding | null,
  rules: { admins: string[]; crmOrgs: string[] },
): boolean {
  if (rules.admins.includes(email.toLowerCase())) return true;
  if (!standing || standing.profile !== ADMIN_PROFILE) return false;
  return rules.crmOrgs.some(
    (org) => org === standing.orgId || org === standing.orgZgid,
  );
}
