/**
 * Paging, sorting and field selection shared by list and search
 * (Zoho docs: CRM get records): `page`, `per_page` ≤ 200, `sort_by`,
 * `sort_order`, `info`.
 */
import type { ZohoRecord } from "../state/seed";
import { hasField } from "./modules";
import { invalidParam, NO_CONTENT, type CrmReply } from "./reply";

const MAX_PER_PAGE = 200;
const MAX_FIELDS = 50;

/** Parsed paging parameters, or the error reply. */
export type PagingCheck =
  | {
      ok: true;
      page: number;
      perPage: number;
      sortBy?: string;
      sortOrder: "asc" | "desc";
    }
  | { ok: false; reply: CrmReply };

/** Reads page, per_page, sort_by and sort_order. */
export function readPaging(module: string, q: URLSearchParams): PagingCheck {
  const page = positive(q.get("page"), 1);
  if (page === null) return { ok: false, reply: invalidParam("page") };
  const perPage = positive(q.get("per_page"), MAX_PER_PAGE);
  if (perPage === null || perPage > MAX_PER_PAGE) {
    return { ok: false, reply: invalidParam("per_page") };
  }

  const sortBy = q.get("sort_by") ?? undefined;
  if (sortBy !== undefined && !hasField(module, sortBy)) {
    return { ok: false, reply: invalidParam("sort_by") };
  }
  const sortOrder = q.get("sort_order") ?? "asc";
  if (sortOrder !== "asc" && sortOrder !== "desc") {
    return { ok: false, reply: invalidParam("sort_order") };
  }
  return { ok: true, page, perPage, sortBy, sortOrder };
}

function positive(raw: string | null, fallback: number): number | null {
  if (raw === null) return fallback;
  if (!/^\d{1,6}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 ? n : null;
}

/**
 * Field names from `fields`: unknown API names are dropped (documented
 * choice); null when the list is empty or longer than 50.
 */
export function readFields(module: string, raw: string): string[] | null {
  const names = raw
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean);
  if (names.length === 0 || names.length > MAX_FIELDS) return null;
  return names.filter((n) => hasField(module, n));
}

/** The records of one page with `data` and `info`, or 204 when empty. */
export function pageOf(
  records: ZohoRecord[],
  paging: Extract<PagingCheck, { ok: true }>,
  fields: string[] | null,
): CrmReply {
  const sorted = sortRecords(records, paging.sortBy ?? "id", paging.sortOrder);
  const start = (paging.page - 1) * paging.perPage;
  const slice = sorted.slice(start, start + paging.perPage);
  if (slice.length === 0) return NO_CONTENT;

  const info = {
    per_page: paging.perPage,
    count: slice.length,
    page: paging.page,
    sort_by: paging.sortBy ?? "id",
    sort_order: paging.sortOrder,
    more_records: start + slice.length < sorted.length,
    next_page_token: null,
    previous_page_token: null,
    page_token_expiry: null,
  };
  const data = slice.map((r) => project(r, fields));
  return { status: 200, body: { data, info } };
}

/** The record with `id` and the requested fields only (all when null). */
export function project(
  record: ZohoRecord,
  fields: string[] | null,
): Record<string, unknown> {
  if (fields === null) return structuredClone(record);
  const out: Record<string, unknown> = { id: record.id };
  for (const f of fields) {
    if (f in record) out[f] = structuredClone(record[f]);
  }
  return out;
}

function sortRecords(
  records: ZohoRecord[],
  by: string,
  order: "asc" | "desc",
): ZohoRecord[] {
  const key = (r: ZohoRecord) => {
    const v = r[by];
    if (v && typeof v === "object" && "name" in v) return String(v.name);
    return v;
  };
  const sign = order === "asc" ? 1 : -1;
  return [...records].sort((a, b) => sign * compare(key(a), key(b)));
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const x = String(a ?? "");
  const y = String(b ?? "");
  if (/^\d+$/.test(x) && /^\d+$/.test(y) && x.length !== y.length) {
    return x.length - y.length;
  }
  return x < y ? -1 : x > y ? 1 : 0;
}
