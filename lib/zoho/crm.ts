/**
 * A small Zoho CRM v8 client. Every call goes to the user's own api_domain
 * with `Authorization: Zoho-oauthtoken …`; every answer is checked before a
 * field is read. HTTP 204 means "nothing found", never an error.
 * https://www.zoho.com/crm/developer/docs/api/v8/
 */
import "server-only";

import { z } from "zod";

import { ZohoError, type ZohoErrorCode } from "./errors";
import { readJson, sendToZoho, type ZohoHttpResponse } from "./http";

/** What a CRM call needs: the user's token and data centre origin. */
export interface ZohoAccess {
  accessToken: string;
  apiDomain: string;
}

const ZohoErrorEnvelope = z.object({
  code: z.string(),
  message: z.string().optional(),
  status: z.literal("error").optional(),
});

const ERROR_BY_ZOHO_CODE: Record<string, ZohoErrorCode> = {
  INVALID_TOKEN: "ZOHO_INVALID_TOKEN",
  INVALID_OAUTHTOKEN: "ZOHO_INVALID_TOKEN",
  OAUTH_SCOPE_MISMATCH: "ZOHO_SCOPE_MISMATCH",
  AUTHENTICATION_FAILURE: "ZOHO_SCOPE_MISMATCH",
  NO_PERMISSION: "ZOHO_NO_PERMISSION",
  TOO_MANY_REQUESTS: "ZOHO_RATE_LIMITED",
  INVALID_MODULE: "ZOHO_NOT_FOUND",
  INVALID_DATA: "ZOHO_NOT_FOUND",
  INVALID_URL_PATTERN: "ZOHO_NOT_FOUND",
};

/**
 * GETs a CRM path. Returns the parsed JSON, or null for 204. Throws a
 * ZohoError for every other outcome.
 */
export async function crmGet(
  access: ZohoAccess,
  path: string,
  query: Record<string, string | number | undefined> = {},
): Promise<unknown> {
  const url = new URL(`/crm/v8/${path}`, access.apiDomain);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }

  const response = await sendToZoho(url.toString(), {
    headers: { authorization: `Zoho-oauthtoken ${access.accessToken}` },
  });
  return parseCrmResponse(response);
}

function parseCrmResponse(response: ZohoHttpResponse): unknown {
  if (response.status === 204) return null;
  if (response.status === 200) return readJson(response);

  if (!response.contentType.includes("json")) {
    throw new ZohoError("ZOHO_UNEXPECTED_STATUS", "CRM answered without JSON", {
      status: response.status,
    });
  }
  const envelope = ZohoErrorEnvelope.safeParse(readJson(response));
  if (!envelope.success) {
    throw new ZohoError("ZOHO_UNEXPECTED_STATUS", "CRM call failed", {
      status: response.status,
    });
  }
  const zohoCode = envelope.data.code;
  const code = Object.hasOwn(ERROR_BY_ZOHO_CODE, zohoCode)
    ? ERROR_BY_ZOHO_CODE[zohoCode]!
    : rejectedOrStatus(response);
  throw new ZohoError(code, `CRM refused: ${zohoCode}`, {
    status: response.status,
    zohoCode,
  });
}

function rejectedOrStatus(response: ZohoHttpResponse): ZohoErrorCode {
  return response.status >= 500 ? "ZOHO_UNEXPECTED_STATUS" : "ZOHO_REJECTED";
}
