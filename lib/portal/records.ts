import "server-only";

import type { PortalSession } from "@/lib/auth/sessions";
import { withZohoAccess } from "@/lib/auth/zoho-call";
import type { PortalModule } from "@/lib/zoho/modules";
import {
  getRecord,
  listRecords,
  type CrmRecord,
  type RecordPage,
} from "@/lib/zoho/records";

const MAX_SEARCH = 100;

/** Reads `?page=` and `?q=` as the list pages accept them. */
export function parseListQuery(query: { page?: string; q?: string }) {
  const page = Number.parseInt(query.page ?? "1", 10);
  const search = (query.q ?? "").trim().slice(0, MAX_SEARCH);
  return {
    page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1,
    search: search.length >= 2 ? search : undefined,
    /** Zoho's word search needs two characters; one is shown a hint. */
    searchTooShort: search.length === 1,
  };
}

/** One page of the module's records the user may see. */
export function loadRecordPage(
  session: PortalSession,
  module: PortalModule,
  query: { page: number; search?: string },
): Promise<RecordPage> {
  return withZohoAccess(session, (access) =>
    listRecords(access, module, query),
  );
}

/** One record, or null when it does not exist or is not visible. */
export function loadRecord(
  session: PortalSession,
  module: PortalModule,
  id: string,
): Promise<CrmRecord | null> {
  if (!/^\d{1,30}$/.test(id)) return Promise.resolve(null);
  return withZohoAccess(session, (access) => getRecord(access, module, id));
}
