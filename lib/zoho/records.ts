/**
 * CRM records and users, turned from Zoho's shapes into the portal's own.
 */
import "server-only";

import { z } from "zod";

import { crmGet, type ZohoAccess } from "./crm";
import { isZohoError, ZohoError } from "./errors";
import type { PortalModule } from "./modules";

/** A record as the portal shows it: every value already a string. */
export interface CrmRecord {
  id: string;
  values: Record<string, string>;
}

export interface RecordPage {
  records: CrmRecord[];
  page: number;
  perPage: number;
  moreRecords: boolean;
}

export interface CrmUser {
  id: string;
  email: string;
  fullName: string;
  role: string;
  profile: string;
}

const ZohoRecord = z.looseObject({ id: z.union([z.string(), z.number()]) });

const ZohoRecordsResponse = z.object({
  data: z.array(ZohoRecord),
  info: z
    .object({
      page: z.number().optional(),
      per_page: z.number().optional(),
      more_records: z.boolean().optional(),
    })
    .optional(),
});

const ZohoUsersResponse = z.object({
  users: z
    .array(
      z.object({
        id: z.union([z.string(), z.number()]),
        email: z.string(),
        full_name: z.string().optional(),
        role: z.object({ name: z.string() }).optional(),
        profile: z.object({ name: z.string() }).optional(),
      }),
    )
    .min(1),
});

const ZohoOrgResponse = z.object({
  org: z
    .array(
      z.object({
        id: z.union([z.string(), z.number()]),
        zgid: z.union([z.string(), z.number()]),
      }),
    )
    .min(1),
});

const ZohoCountResponse = z.object({ count: z.number().int().min(0) });

export const PER_PAGE = 20;

/** One page of a module's records; an empty page when Zoho says 204. */
export async function listRecords(
  access: ZohoAccess,
  module: PortalModule,
  options: { page: number; search?: string },
): Promise<RecordPage> {
  const fields = module.columns.map((c) => c.field).join(",");
  const query = { fields, page: options.page, per_page: PER_PAGE };
  const body = options.search
    ? await crmGet(access, `${module.apiName}/search`, {
        ...query,
        word: options.search,
      })
    : await crmGet(access, module.apiName, {
        ...query,
        sort_by: "Modified_Time",
        sort_order: "desc",
      });
  return toRecordPage(body, options.page);
}

/** One record with every detail field, or null when Zoho has none. */
export async function getRecord(
  access: ZohoAccess,
  module: PortalModule,
  id: string,
): Promise<CrmRecord | null> {
  let body: unknown;
  try {
    body = await crmGet(access, `${module.apiName}/${id}`, {
      fields: module.detailFields.join(","),
    });
  } catch (error) {
    if (isZohoError(error, "ZOHO_NOT_FOUND")) return null;
    throw error;
  }
  if (body === null) return null;
  return toRecordPage(body, 1).records[0] ?? null;
}

/** How many records of the module the user can see. */
export async function countRecords(
  access: ZohoAccess,
  module: PortalModule,
): Promise<number> {
  const body = await crmGet(access, `${module.apiName}/actions/count`);
  if (body === null) return 0;
  return parse(ZohoCountResponse, body, "record count").count;
}

/** The CRM user behind the access token. */
export async function fetchCurrentUser(access: ZohoAccess): Promise<CrmUser> {
  const body = await crmGet(access, "users", { type: "CurrentUser" });
  const user = parse(ZohoUsersResponse, body, "current user").users[0]!;
  return {
    id: String(user.id),
    email: user.email.toLowerCase(),
    fullName: user.full_name ?? user.email,
    role: user.role?.name ?? "—",
    profile: user.profile?.name ?? "—",
  };
}

/** The ids of the CRM org the access token belongs to. */
export async function fetchOrgIds(
  access: ZohoAccess,
): Promise<{ id: string; zgid: string }> {
  const body = await crmGet(access, "org");
  const org = parse(ZohoOrgResponse, body, "org").org[0]!;
  return { id: String(org.id), zgid: String(org.zgid) };
}

function toRecordPage(body: unknown, page: number): RecordPage {
  if (body === null) {
    return { records: [], page, perPage: PER_PAGE, moreRecords: false };
  }
  const parsed = parse(ZohoRecordsResponse, body, "records");
  return {
    records: parsed.data.map(toRecord),
    page: parsed.info?.page ?? page,
    perPage: parsed.info?.per_page ?? PER_PAGE,
    moreRecords: parsed.info?.more_records ?? false,
  };
}

function toRecord(raw: z.infer<typeof ZohoRecord>): CrmRecord {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    values[key] = displayValue(value);
  }
  return { id: String(raw.id), values };
}

const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/**
 * Lookups such as Owner arrive as {name, id}: show the name. Zoho's
 * timestamps (ISO 8601 with an offset) are shown in UTC, readably.
 */
function displayValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" && ISO_DATE_TIME.test(value)) {
    return `${DATE_TIME.format(new Date(value))} UTC`;
  }
  if (typeof value === "object" && "name" in value) {
    return String((value as { name: unknown }).name ?? "");
  }
  if (Array.isArray(value)) return value.map(displayValue).join(", ");
  return String(value);
}

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ZohoError("ZOHO_MALFORMED_RESPONSE", `malformed ${what}`);
  }
  return parsed.data;
}
