import "server-only";

import { redirect } from "next/navigation";
import { cache } from "react";

import type { ZohoAccess } from "@/lib/zoho/crm";
import { isZohoError } from "@/lib/zoho/errors";

import { resolveAccess } from "./access-token";
import { AccessEndedError } from "./errors";
import type { PortalSession } from "./sessions";

/**
 * One resolution per session per request: the components of a page that
 * call Zoho in parallel share it (React's request-scoped cache).
 */
const resolveForRequest = cache((session: PortalSession) =>
  resolveAccess(session),
);

/**
 * Runs a CRM call with the user's access token. A 401 INVALID_TOKEN gets
 * one refresh and one retry. When Zoho has ended the user's access, the
 * user lands on the sign-in page with a message: never on a page that
 * renders as if signed in.
 */
export async function withZohoAccess<T>(
  session: PortalSession,
  call: (access: ZohoAccess) => Promise<T>,
): Promise<T> {
  try {
    const access = await resolveForRequest(session);
    try {
      return await call(access);
    } catch (error) {
      if (!isZohoError(error, "ZOHO_INVALID_TOKEN")) throw error;
      return await call(await resolveAccess(session, access.accessToken));
    }
  } catch (error) {
    if (error instanceof AccessEndedError) redirect("/?ended=zoho_ended");
    throw error;
  }
}
