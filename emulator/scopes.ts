/**
 * Zoho scope handling: comma- or space-separated lists, matched
 * case-insensitively (Zoho docs: authorization request), and the scopes each
 * endpoint needs.
 */

const OIDC_SCOPES = new Set(["openid", "email", "profile", "phone"]);
const SCOPE_PATTERN = /^(zohocrm|aaaserver|zohosearch)(\.[a-z0-9_]+)+$/;

/** Splits a scope parameter; empty items are dropped. */
export function parseScopes(raw: string): string[] {
  return raw.split(/[\s,]+/).filter((s) => s.length > 0);
}

/** True for OIDC scopes and `Service.scope.OPERATION` names we know. */
export function isKnownScope(scope: string): boolean {
  const lower = scope.toLowerCase();
  return OIDC_SCOPES.has(lower) || SCOPE_PATTERN.test(lower);
}

/** True when any granted scope equals any accepted one, ignoring case. */
export function grants(granted: string[], accepted: string[]): boolean {
  const lower = new Set(granted.map((s) => s.toLowerCase()));
  return accepted.some((s) => lower.has(s.toLowerCase()));
}

/** Scopes that allow reading records of a module. */
export function moduleReadScopes(module: string): string[] {
  const m = module.toLowerCase();
  return [
    "ZohoCRM.modules.ALL",
    "ZohoCRM.modules.READ",
    `ZohoCRM.modules.${m}.ALL`,
    `ZohoCRM.modules.${m}.READ`,
  ];
}

/** Scopes for GET /crm/v8/users. */
export const USERS_READ_SCOPES = ["ZohoCRM.users.ALL", "ZohoCRM.users.READ"];

/** Scopes for GET /crm/v8/org. */
export const ORG_READ_SCOPES = ["ZohoCRM.org.ALL", "ZohoCRM.org.READ"];

/** Scopes for GET /crm/v8/settings/fields. */
export const FIELDS_READ_SCOPES = [
  "ZohoCRM.settings.ALL",
  "ZohoCRM.settings.READ",
  "ZohoCRM.settings.fields.ALL",
  "ZohoCRM.settings.fields.READ",
];

/** Scopes for GET /oauth/user/info. */
export const PROFILE_SCOPES = [
  "AaaServer.profile.READ",
  "AaaServer.profile.ALL",
];
