/**
 * GET /crm/v8/users, /crm/v8/org and /crm/v8/settings/fields (Zoho docs: CRM
 * users and org).
 */
import type { ZohoSeedUser } from "../state/seed";
import {
  FIELDS_READ_SCOPES,
  ORG_READ_SCOPES,
  USERS_READ_SCOPES,
} from "../scopes";
import { fieldsOf, resolveModule } from "./modules";
import {
  INVALID_MODULE,
  invalidParam,
  missingParam,
  NO_CONTENT,
  type CrmReply,
} from "./reply";
import { needScope, type CrmCall } from "./serve";

const ORG_TYPES = [
  "AllUsers",
  "ActiveUsers",
  "ActiveConfirmedUsers",
  "ConfirmedUsers",
  "AdminUsers",
  "ActiveConfirmedAdmins",
];
const EMPTY_TYPES = ["DeactiveUsers", "NotConfirmedUsers"];

/** Users: the caller for type=CurrentUser, else the org's users. */
export function listUsers(call: CrmCall): CrmReply {
  const denied = needScope(call, USERS_READ_SCOPES);
  if (denied) return denied;

  const type = call.query.get("type") ?? "AllUsers";
  const orgUsers = call.ctx.state.seed.users.filter(
    (u) => u.dc === call.ctx.dc,
  );
  let users: ZohoSeedUser[];
  if (type === "CurrentUser") users = [call.user];
  else if (type.startsWith("Admin") || type === "ActiveConfirmedAdmins") {
    users = orgUsers.filter((u) => u.profile === "Administrator");
  } else if (ORG_TYPES.includes(type)) users = orgUsers;
  else if (EMPTY_TYPES.includes(type)) users = [];
  else return invalidParam("type");
  if (users.length === 0) return NO_CONTENT;

  const info = {
    per_page: 200,
    count: users.length,
    page: 1,
    more_records: false,
  };
  return { status: 200, body: { users: users.map(crmUser), info } };
}

function crmUser(user: ZohoSeedUser) {
  const prefix = user.crm_id.slice(0, 4);
  const roleId = `${prefix}00000002${roleIndex(user.role)}`;
  const profileId = `${prefix}00000003${
    user.profile === "Administrator" ? 1 : 2
  }`;
  return {
    id: user.crm_id,
    zuid: user.zuid,
    email: user.email,
    first_name: user.first_name,
    last_name: user.last_name,
    full_name: user.full_name,
    status: "active",
    confirm: true,
    role: { name: user.role, id: roleId },
    profile: { name: user.profile, id: profileId },
    time_zone: user.time_zone,
    locale: user.locale,
    language: "en_US",
    country: user.dc === "us" ? "US" : "DE",
  };
}

function roleIndex(role: string): number {
  return ["Coordinator", "Advisor", "Student"].indexOf(role) + 1;
}

/** The caller's org. */
export function getOrg(call: CrmCall): CrmReply {
  const denied = needScope(call, ORG_READ_SCOPES);
  if (denied) return denied;

  const org = call.ctx.state.orgOf(call.ctx.dc);
  if (!org) return NO_CONTENT;
  const { dc: _dc, ...fields } = org;
  return {
    status: 200,
    body: { org: [{ ...fields, type: "production", mc_status: false }] },
  };
}

/** Field metadata of `module`. */
export function listFields(call: CrmCall): CrmReply {
  const denied = needScope(call, FIELDS_READ_SCOPES);
  if (denied) return denied;

  const raw = call.query.get("module");
  if (!raw) return missingParam("module");
  const module = resolveModule(raw);
  if (!module) return INVALID_MODULE;
  return { status: 200, body: { fields: fieldsOf(module) } };
}
