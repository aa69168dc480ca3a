/**
 * GET /crm/v8/{module}/search with exactly one of criteria, email, phone
 * or word (Zoho docs: CRM search records). Nothing found is HTTP 204 with an
 * empty body.
 */
import type { ZohoRecord } from "../state/seed";
import { compileCriteria, type RecordTest } from "./criteria";
import { fieldsOf, hasField } from "./modules";
import { pageOf, readFields, readPaging } from "./paging";
import { crmError, missingParam, type CrmReply } from "./reply";
import { moduleFor, visibleRecords } from "./records";
import type { CrmCall } from "./serve";

const KINDS = ["criteria", "email", "phone", "word"] as const;

/** Searches the records the caller may see. */
export function searchRecords(call: CrmCall, name: string): CrmReply {
  const resolved = moduleFor(call, name);
  if ("reply" in resolved) return resolved.reply;
  const { module } = resolved;

  const given = KINDS.filter((k) => call.query.get(k));
  if (given.length === 0) return missingParam("criteria");
  if (given.length > 1) {
    return crmError("INVALID_QUERY", 400, "invalid query formed", {
      reason: "give only one of criteria, email, phone or word",
    });
  }
  const kind = given[0] as (typeof KINDS)[number];
  const test = buildTest(module, kind, call.query.get(kind) ?? "");
  if (typeof test === "string") {
    return crmError("INVALID_QUERY", 400, "invalid query formed", {
      reason: test,
    });
  }

  const raw = call.query.get("fields");
  const fields = raw ? readFields(module, raw) : null;
  if (raw && !fields) return missingParam("fields");
  const paging = readPaging(module, call.query);
  if (!paging.ok) return paging.reply;
  return pageOf(visibleRecords(call, module).filter(test), paging, fields);
}

function buildTest(
  module: string,
  kind: (typeof KINDS)[number],
  value: string,
): RecordTest | string {
  const lower = value.toLowerCase();
  if (kind === "criteria") {
    try {
      return compileCriteria(value, (f) => hasField(module, f));
    } catch (error) {
      return (error as Error).message;
    }
  }
  if (kind === "email") return (r) => textOf(r, ["Email"]) === lower;
  if (kind === "phone") {
    const digits = lower.replace(/\D/g, "");
    return (r) => textOf(r, ["Phone"]).replace(/\D/g, "") === digits;
  }
  if (lower.length < 2) return "word needs at least 2 characters";
  const text = textFields(module);
  return (r) => text.some((f) => textOf(r, [f]).includes(lower));
}

function textFields(module: string): string[] {
  return fieldsOf(module)
    .filter((f) => ["text", "email", "textarea"].includes(f.data_type))
    .map((f) => f.api_name);
}

function textOf(record: ZohoRecord, names: string[]): string {
  return names
    .map((n) => String(record[n] ?? ""))
    .join(" ")
    .toLowerCase();
}
