/**
 * CRM answers before they are sent, and Zoho's error envelope
 * {code, details, message, status: "error"} (Zoho docs: CRM status codes).
 */
import { jsonResponse } from "../http/context";

/** A CRM answer: a body, or 204 without one. */
export interface CrmReply {
  status: number;
  body?: unknown;
  error?: string;
}

/** An error in Zoho's envelope. */
export function crmError(
  code: string,
  status: number,
  message: string,
  details: Record<string, unknown> = {},
): CrmReply {
  return {
    status,
    body: { code, details, message, status: "error" },
    error: code,
  };
}

/** 204 No Content: Zoho's answer when nothing is found. */
export const NO_CONTENT: CrmReply = { status: 204 };

/** The reply as an HTTP response; 204 has an empty body. */
export function toResponse(reply: CrmReply): Response {
  if (reply.status === 204) return new Response(null, { status: 204 });
  return jsonResponse(reply.body, reply.status);
}

/** 400 REQUIRED_PARAM_MISSING for a missing parameter. */
export function missingParam(name: string): CrmReply {
  return crmError(
    "REQUIRED_PARAM_MISSING",
    400,
    "One of the expected parameter is missing",
    { param_name: name },
  );
}

/** 400 INVALID_DATA for a parameter with a bad value. */
export function invalidParam(name: string): CrmReply {
  return crmError("INVALID_DATA", 400, "the given value seems to be invalid", {
    param_name: name,
  });
}

/** 400 INVALID_MODULE. */
export const INVALID_MODULE = crmError(
  "INVALID_MODULE",
  400,
  "the module name given seems to be invalid",
);

/** 401 OAUTH_SCOPE_MISMATCH. */
export const SCOPE_MISMATCH = crmError(
  "OAUTH_SCOPE_MISMATCH",
  401,
  "invalid oauth scope to access this URL",
);
