/**
 * Calls to Zoho Accounts: code exchange, refresh, revoke and the profile.
 * Each is a request, then a parser that trusts nothing: Zoho answers token
 * errors with HTTP 200 and an `error` field, so a 200 proves nothing.
 * https://www.zoho.com/accounts/protocol/oauth/web-apps/access-token.html
 */
import { z } from "zod";

import { ZohoError } from "./errors";
import { readJson, sendToZoho, type ZohoHttpResponse } from "./http";

/** The portal's own view of a token response. */
export interface ZohoTokenSet {
  accessToken: string;
  refreshToken?: string;
  apiDomain: string;
  /** Absolute epoch milliseconds. */
  expiryTime: number;
}

export interface ZohoClient {
  clientId: string;
  clientSecret: string;
}

const ZohoTokenResponse = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  api_domain: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive(),
  expires_in_sec: z.number().positive().optional(),
});

const ZohoTokenError = z.object({ error: z.string() });

/** Exchanges an authorization code at the user's accounts server. */
export async function exchangeCode(input: {
  accountsServer: string;
  client: ZohoClient;
  code: string;
  redirectUri: string;
  codeVerifier?: string;
}): Promise<ZohoTokenSet> {
  const form = new URLSearchParams({
    grant_type: "authorization_code",
    client_id: input.client.clientId,
    client_secret: input.client.clientSecret,
    code: input.code,
    redirect_uri: input.redirectUri,
  });
  if (input.codeVerifier) form.set("code_verifier", input.codeVerifier);

  const response = await postForm(
    input.accountsServer,
    "/oauth/v2/token",
    form,
  );
  return parseTokenResponse(response, "ZOHO_CODE_INVALID");
}

/** Mints a new access token from a refresh token. */
export async function refreshAccessToken(input: {
  accountsServer: string;
  client: ZohoClient;
  refreshToken: string;
}): Promise<ZohoTokenSet> {
  const form = new URLSearchParams({
    grant_type: "refresh_token",
    client_id: input.client.clientId,
    client_secret: input.client.clientSecret,
    refresh_token: input.refreshToken,
  });

  const response = await postForm(
    input.accountsServer,
    "/oauth/v2/token",
    form,
  );
  return parseTokenResponse(response, "ZOHO_TOKEN_REVOKED");
}

/**
 * Revokes a refresh token and every access token minted from it. A token
 * Zoho no longer knows (HTTP 400) counts as revoked.
 * https://www.zoho.com/accounts/protocol/oauth/revoke-refresh-token.html
 */
export async function revokeRefreshToken(input: {
  accountsServer: string;
  refreshToken: string;
}): Promise<void> {
  const form = new URLSearchParams({ token: input.refreshToken });
  const response = await postForm(
    input.accountsServer,
    "/oauth/v2/token/revoke",
    form,
  );
  if (response.status === 400) return;
  if (response.status !== 200) {
    throw new ZohoError("ZOHO_UNEXPECTED_STATUS", "revoke failed", {
      status: response.status,
    });
  }
  const body = z.object({ status: z.string() }).safeParse(readJson(response));
  if (!body.success || body.data.status !== "success") {
    throw new ZohoError("ZOHO_MALFORMED_RESPONSE", "revoke answer unclear");
  }
}

async function postForm(
  accountsServer: string,
  path: string,
  form: URLSearchParams,
): Promise<ZohoHttpResponse> {
  return sendToZoho(new URL(path, accountsServer).toString(), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form.toString(),
  });
}

function parseTokenResponse(
  response: ZohoHttpResponse,
  invalidCode: "ZOHO_CODE_INVALID" | "ZOHO_TOKEN_REVOKED",
): ZohoTokenSet {
  if (response.status === 429) {
    throw new ZohoError("ZOHO_THROTTLED", "Zoho throttled token requests", {
      status: 429,
    });
  }
  // Zoho sends token errors with HTTP 200; a 4xx with the same JSON body
  // (as RFC 6749 has it) means the same thing.
  const jsonError = response.status >= 400 && response.status < 500;
  if (response.status !== 200 && !jsonError) {
    throw new ZohoError("ZOHO_UNEXPECTED_STATUS", "token endpoint failed", {
      status: response.status,
    });
  }
  const body = readJson(response);

  const failure = ZohoTokenError.safeParse(body);
  if (failure.success) throw tokenError(failure.data.error, invalidCode);
  if (response.status !== 200) {
    throw new ZohoError("ZOHO_UNEXPECTED_STATUS", "token endpoint failed", {
      status: response.status,
    });
  }

  const parsed = ZohoTokenResponse.safeParse(body);
  if (!parsed.success) {
    throw new ZohoError("ZOHO_MALFORMED_RESPONSE", "token answer malformed");
  }
  return toTokenSet(parsed.data);
}

function tokenError(
  zohoCode: string,
  invalidCode: "ZOHO_CODE_INVALID" | "ZOHO_TOKEN_REVOKED",
): ZohoError {
  const details = { status: 200, zohoCode };
  if (zohoCode === "invalid_code") {
    return new ZohoError(
      invalidCode,
      "Zoho refused the code or token",
      details,
    );
  }
  if (zohoCode === "Access Denied") {
    return new ZohoError(
      "ZOHO_THROTTLED",
      "Zoho throttled token requests",
      details,
    );
  }
  return new ZohoError(
    "ZOHO_CLIENT_REJECTED",
    `Zoho refused: ${zohoCode}`,
    details,
  );
}

/** Access tokens live an hour; a day bounds any unit mix-up. */
const MAX_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Zoho once sent `expires_in` in ms next to `expires_in_sec`: handle both. */
function toTokenSet(body: z.infer<typeof ZohoTokenResponse>): ZohoTokenSet {
  const seconds = body.expires_in_sec ?? body.expires_in;
  const lifetimeMs = Math.min(seconds * 1000, MAX_LIFETIME_MS);
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    apiDomain: body.api_domain,
    expiryTime: Date.now() + lifetimeMs,
  };
}
