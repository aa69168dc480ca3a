/**
 * Every failure of a call to Zoho, by failure mode. The code list is closed:
 * callers branch on `code`, never on messages. Messages carry no secrets and
 * no response bodies.
 */

export const ZOHO_ERROR_CODES = [
  /** Network error, timeout or DNS failure: Zoho did not answer. */
  "ZOHO_UNREACHABLE",
  /** Zoho answered with a status the call does not expect (5xx, HTML). */
  "ZOHO_UNEXPECTED_STATUS",
  /** The body was not the JSON shape Zoho documents. */
  "ZOHO_MALFORMED_RESPONSE",
  /** A grant code was used, expired or issued elsewhere (invalid_code). */
  "ZOHO_CODE_INVALID",
  /** The refresh token was revoked or evicted (invalid_code on refresh). */
  "ZOHO_TOKEN_REVOKED",
  /** Zoho refused the client: invalid_client, invalid_redirect_uri, … */
  "ZOHO_CLIENT_REJECTED",
  /** Too many token requests: Zoho's "Access Denied" throttle. */
  "ZOHO_THROTTLED",
  /** CRM answered 401 INVALID_TOKEN for the access token. */
  "ZOHO_INVALID_TOKEN",
  /** CRM answered 401 OAUTH_SCOPE_MISMATCH or AUTHENTICATION_FAILURE. */
  "ZOHO_SCOPE_MISMATCH",
  /** CRM answered 403 NO_PERMISSION. */
  "ZOHO_NO_PERMISSION",
  /** CRM answered 429 TOO_MANY_REQUESTS. */
  "ZOHO_RATE_LIMITED",
  /** CRM answered 400/404 for the module or record asked for. */
  "ZOHO_NOT_FOUND",
  /** Any other documented Zoho error envelope. */
  "ZOHO_REJECTED",
] as const;

export type ZohoErrorCode = (typeof ZOHO_ERROR_CODES)[number];

/** A failed call to Zoho. `zohoCode` is Zoho's own code, when it sent one. */
export class ZohoError extends Error {
  override readonly name = "ZohoError";

  constructor(
    readonly code: ZohoErrorCode,
    message: string,
    readonly details: { status?: number; zohoCode?: string } = {},
  ) {
    super(message);
  }
}

/** True when `error` is a ZohoError with one of the given codes. */
export function isZohoError(
  error: unknown,
  ...codes: ZohoErrorCode[]
): error is ZohoError {
  if (!(error instanceof ZohoError)) return false;
  return codes.length === 0 || codes.includes(error.code);
}
