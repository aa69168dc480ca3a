/**
 * GET /crm/v8/{module} and GET /crm/v8/{module}/{id}. Visibility follows
 * the CRM profile: an Administrator sees the whole org, a Standard user
 * the records they own.
 */
import type { ZohoRecord } from "../state/seed";
import { moduleReadScopes } from "../scopes";
import { resolveModule } from "./modules";
import { pageOf, project, readFields, readPaging } from "./paging";
import { crmError, INVALID_MODULE, missingParam, type CrmReply } from "./reply";
import { needScope, type CrmCall } from "./serve";

/** Records of `module` in the caller's org that the caller may see. */
export function visibleRecords(call: CrmCall, module: string): ZohoRecord[] {
  const { state, dc } = call.ctx;
  const orgOwners = new Set(
    state.seed.users.filter((u) => u.dc === dc).map((u) => u.crm_id),
  );
  const all = state.seed.records[module] ?? [];
  const inOrg = all.filter((r) => orgOwners.has(r.Owner.id));

  if (call.user.profile === "Administrator") return inOrg;
  return inOrg.filter((r) => r.Owner.id === call.user.crm_id);
}

/** Resolves the module and checks the token's scope for it. */
export function moduleFor(
  call: CrmCall,
  name: string,
): { module: string } | { reply: CrmReply } {
  const module = resolveModule(name);
  if (!module) return { reply: INVALID_MODULE };
  const denied = needScope(call, moduleReadScopes(module));
  return denied ? { reply: denied } : { module };
}

/** List records: `fields` is mandatory; 204 when the page is empty. */
export function listRecords(call: CrmCall, name: string): CrmReply {
  const resolved = moduleFor(call, name);
  if ("reply" in resolved) return resolved.reply;
  const { module } = resolved;

  const rawFields = call.query.get("fields");
  if (!rawFields) return missingParam("fields");
  const fields = readFields(module, rawFields);
  if (!fields) return missingParam("fields");
  const paging = readPaging(module, call.query);
  if (!paging.ok) return paging.reply;

  return pageOf(visibleRecords(call, module), paging, fields);
}

/** One record by id; an unknown or hidden id is INVALID_DATA. */
export function getRecord(call: CrmCall, name: string, id: string): CrmReply {
  const resolved = moduleFor(call, name);
  if ("reply" in resolved) return resolved.reply;
  const { module } = resolved;

  const record = /^\d{1,19}$/.test(id)
    ? visibleRecords(call, module).find((r) => r.id === id)
    : undefined;
  if (!record) {
    return crmError("INVALID_DATA", 400, "the id given seems to be invalid", {
      id,
    });
  }

  const raw = call.query.get("fields");
  const fields = raw ? readFields(module, raw) : null;
  if (raw && !fields) return missingParam("fields");
  return { status: 200, body: { data: [project(record, fields)] } };
}

/**
 * GET /crm/v8/{module}/actions/count: how many records the caller may
 * see, as Zoho's "Get Record Count" answers it: {"count": n}.
 */
export function countRecords(call: CrmCall, name: string): CrmReply {
  const resolved = moduleFor(call, name);
  if ("reply" in resolved) return resolved.reply;

  const count = visibleRecords(call, resolved.module).length;
  return { status: 200, body: { count } };
}
