/**
 * Validates GET /oauth/v2/auth parameters against the registered client
 * (Zoho docs: authorization request). Errors that make the redirect
 * untrustworthy render a page;
 * the others go back to the client as `error=…`.
 */
import type { EmulatorClient } from "../types";
import { isKnownScope, parseScopes } from "../scopes";

/** Parameters carried from the consent page to the redirect. */
export const CARRIED_PARAMS = [
  "client_id",
  "response_type",
  "redirect_uri",
  "scope",
  "state",
  "access_type",
  "prompt",
  "code_challenge",
  "code_challenge_method",
  "nonce",
] as const;

/** A validated authorization request. */
export interface ZohoAuthorizeRequest {
  client: EmulatorClient;
  redirectUri: string;
  scopes: string[];
  state?: string;
  offline: boolean;
  promptConsent: boolean;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  nonce?: string;
  carried: [string, string][];
}

/** Outcome of validation. */
export type ZohoAuthorizeCheck =
  | { ok: true; request: ZohoAuthorizeRequest }
  | { ok: false; page: true; error: string; detail: string }
  | {
      ok: false;
      page: false;
      redirectUri: string;
      error: string;
      state?: string;
    };

/** Checks client, redirect URI, response type, scope and PKCE. */
export function checkAuthorize(
  params: Map<string, string>,
  clients: Map<string, EmulatorClient>,
): ZohoAuthorizeCheck {
  const client = clients.get(params.get("client_id") ?? "");
  if (!client) {
    return {
      ok: false,
      page: true,
      error: "invalid_client",
      detail: "The client_id is not registered.",
    };
  }
  const redirectUri = params.get("redirect_uri") ?? "";
  if (!client.redirectUris.includes(redirectUri)) {
    return {
      ok: false,
      page: true,
      error: "invalid_redirect_uri",
      detail: "The redirect_uri does not match the registered one.",
    };
  }

  const state = params.get("state");
  const fail = (error: string): ZohoAuthorizeCheck => ({
    ok: false,
    page: false,
    redirectUri,
    error,
    state,
  });
  if (params.get("response_type") !== "code") {
    return fail("unsupported_response_type");
  }
  const scopes = parseScopes(params.get("scope") ?? "");
  if (scopes.length === 0 || !scopes.every(isKnownScope)) {
    return fail("invalid_scope");
  }
  const rest = checkOptional(params);
  if (rest) return fail(rest);

  return { ok: true, request: buildRequest(params, client, scopes) };
}

function checkOptional(params: Map<string, string>): string | null {
  const accessType = params.get("access_type") ?? "online";
  if (!["online", "offline"].includes(accessType)) return "invalid_request";

  const method = params.get("code_challenge_method");
  const challenge = params.get("code_challenge");
  if (method !== undefined && !["S256", "plain"].includes(method)) {
    return "invalid_request";
  }
  if (method !== undefined && challenge === undefined) {
    return "invalid_request";
  }
  return null;
}

function buildRequest(
  params: Map<string, string>,
  client: EmulatorClient,
  scopes: string[],
): ZohoAuthorizeRequest {
  const challenge = params.get("code_challenge");
  return {
    client,
    redirectUri: params.get("redirect_uri") ?? "",
    scopes,
    state: params.get("state"),
    offline: params.get("access_type") === "offline",
    promptConsent: params.get("prompt") === "consent",
    codeChallenge: challenge,
    codeChallengeMethod: challenge
      ? (params.get("code_challenge_method") ?? "plain")
      : undefined,
    nonce: params.get("nonce"),
    carried: CARRIED_PARAMS.flatMap((name) => {
      const value = params.get(name);
      return value === undefined ? [] : [[name, value] as [string, string]];
    }),
  };
}

/** `base` with extra query parameters appended, keeping its own. */
export function withQuery(
  base: string,
  extra: [string, string | undefined][],
): string {
  const url = new URL(base);
  for (const [name, value] of extra) {
    if (value !== undefined) url.searchParams.append(name, value);
  }
  return url.toString();
}
