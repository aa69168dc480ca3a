import "server-only";

import {
  describeLogout,
  describeLogoutAll,
  describeRetry,
  listPending,
  listTokenRows,
  logoutEveryone,
  logoutUser,
  parseTokenQuery,
  retryDueRevocations,
  retryRevocation,
  type AdminDeps,
  type AdminMessage,
} from "@/lib/admin";
import { listAudit } from "@/lib/audit";
import { log } from "@/lib/log";
import { ZOHO_DATA_CENTRES } from "@/lib/zoho/data-centres";

import { adminDepsFor } from "./admin-deps";
import type { PortalSession } from "./sessions";

type Params = Record<string, string | string[] | undefined>;

/** What the admin console shows. */
export type AdminConsoleData = Awaited<ReturnType<typeof loadAdminConsole>>;

/** lib/admin's dependencies in the web app, acting as `admin`. */
function adminDeps(admin: PortalSession): AdminDeps {
  return adminDepsFor(admin.userName);
}

/**
 * Everything /admin renders, after retrying the pending revokes that are
 * due: tokens (sorted and filtered by the query), pending revokes, and one
 * page of the audit trail, newest first.
 */
export async function loadAdminConsole(admin: PortalSession, params: Params) {
  const deps = adminDeps(admin);
  await retryDueRevocations(deps);

  const query = parseTokenQuery(params);
  const auditPage = Math.max(1, Number(params.auditPage) || 1);
  return {
    admin: admin.userName,
    query,
    tokens: await listTokenRows(deps, query),
    pending: listPending(deps.db),
    audit: { page: auditPage, ...listAudit(deps.db, auditPage) },
    dataCentres: ZOHO_DATA_CENTRES.map(({ location, label }) => ({
      location,
      label,
    })),
  };
}

/** Logs out the user of token `tokenId`; a plain message either way. */
export function logOutFromConsole(
  admin: PortalSession,
  tokenId: unknown,
): Promise<AdminMessage> {
  return guarded("admin_logout", async () => {
    const id = typeof tokenId === "string" ? tokenId : "";
    return describeLogout(await logoutUser(adminDeps(admin), id));
  });
}

/** Logs everyone out, the admin included. */
export function logOutEveryoneFromConsole(
  admin: PortalSession,
): Promise<AdminMessage> {
  return guarded("admin_logout_all", async () =>
    describeLogoutAll(await logoutEveryone(adminDeps(admin))),
  );
}

/** Retries one pending revoke. */
export function retryFromConsole(
  admin: PortalSession,
  pendingId: unknown,
): Promise<AdminMessage> {
  return guarded("revoke_retried", async () => {
    const id = typeof pendingId === "string" ? pendingId : "";
    return describeRetry(await retryRevocation(adminDeps(admin), id));
  });
}

/** A store or database failure becomes a message, never a 500. */
async function guarded(
  event: string,
  work: () => Promise<AdminMessage>,
): Promise<AdminMessage> {
  try {
    return await work();
  } catch (error) {
    const status = (error as { code?: unknown }).code ?? "UNKNOWN";
    log.error({ event, status: String(status) }, "admin operation failed");
    return {
      tone: "error",
      text:
        "The token store could not be read or written, so the operation " +
        "did not complete. Try again; the audit log shows what was done.",
    };
  }
}
