/**
 * The one place that sends HTTP requests to Zoho: a timeout on every call,
 * and failures mapped to ZohoError. Bodies are returned as text so that each
 * caller's parser can check status, content type and shape.
 */
import { ZohoError } from "./errors";

const TIMEOUT_MS = 10_000;
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface ZohoHttpResponse {
  status: number;
  contentType: string;
  text: string;
}

/** Sends one request; throws ZOHO_UNREACHABLE when no answer arrives. */
export async function sendToZoho(
  url: string,
  init: RequestInit,
): Promise<ZohoHttpResponse> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      redirect: "manual",
      cache: "no-store",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.name : "unknown";
    throw new ZohoError("ZOHO_UNREACHABLE", `Zoho did not answer (${reason})`);
  }

  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    const reason = error instanceof Error ? error.name : "unknown";
    throw new ZohoError(
      "ZOHO_UNREACHABLE",
      `Zoho's answer broke off (${reason})`,
    );
  }
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    throw new ZohoError(
      "ZOHO_MALFORMED_RESPONSE",
      "Zoho's answer is too large",
      {
        status: response.status,
      },
    );
  }
  const contentType = response.headers.get("content-type") ?? "";
  return { status: response.status, contentType, text };
}

/** Parses a JSON body; throws ZOHO_UNEXPECTED_STATUS / MALFORMED otherwise. */
export function readJson(response: ZohoHttpResponse): unknown {
  if (!response.contentType.includes("json")) {
    throw new ZohoError(
      response.status >= 400
        ? "ZOHO_UNEXPECTED_STATUS"
        : "ZOHO_MALFORMED_RESPONSE",
      `Zoho answered ${response.status} without JSON`,
      { status: response.status },
    );
  }
  try {
    return JSON.parse(response.text) as unknown;
  } catch {
    throw new ZohoError("ZOHO_MALFORMED_RESPONSE", "Zoho's JSON is broken", {
      status: response.status,
    });
  }
}
