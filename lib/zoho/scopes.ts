/**
 * The Zoho OAuth scopes the portal asks for: read its three CRM modules,
 * the current user, the org and field metadata, and the Zoho profile.
 * Least privilege: no write scope, no module the portal does not show.
 * https://www.zoho.com/crm/developer/docs/api/v8/scopes.html
 */
export const ZOHO_SCOPES = [
  "ZohoCRM.modules.contacts.READ",
  "ZohoCRM.modules.leads.READ",
  "ZohoCRM.modules.deals.READ",
  "ZohoCRM.users.READ",
  "ZohoCRM.org.READ",
  "ZohoCRM.settings.fields.READ",
  "AaaServer.profile.READ",
].join(",");
