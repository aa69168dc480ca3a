import "server-only";

import type { OAuthConfig } from "next-auth/providers/oauth";

import { isZohoError } from "@/lib/zoho/errors";
import { exchangeCode, type ZohoTokenSet } from "@/lib/zoho/oauth";
import { fetchProfile, type ZohoProfile } from "@/lib/zoho/profile";
import { ZOHO_SCOPES } from "@/lib/zoho/scopes";

import { portalConfig } from "./config";
import { SignInError } from "./errors";
import { callbackDataCentre, noteSignInFailure } from "./callback-context";

/** What the token step hands to the profile step and the callbacks. */
export interface PortalTokens {
  [key: string]: unknown;
  access_token: string;
  token_type: "bearer";
  portal_tokens: ZohoTokenSet;
  accounts_server: string;
  location: string;
}

interface CallbackParams {
  code?: string;
  state?: string;
}

/**
 * "Login with Zoho" for next-auth. The code is exchanged at the accounts
 * server Zoho names in the redirect, but only when that server is on the
 * allowlist (checked by the route, see route.ts): the client secret is
 * never sent anywhere else.
 */
export function zohoProvider(): OAuthConfig<ZohoProfile> {
  const { client, accountsUrl } = portalConfig();
  return {
    id: "zoho",
    name: "Zoho",
    type: "oauth",
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    checks: ["state", "pkce"],
    authorization: {
      url: `${accountsUrl}/oauth/v2/auth`,
      params: { scope: ZOHO_SCOPES, access_type: "offline" },
    },
    token: {
      url: `${accountsUrl}/oauth/v2/token`,
      request: ({ params, checks }) =>
        exchangeAtUserDataCentre(params as CallbackParams, checks),
    },
    userinfo: {
      url: `${accountsUrl}/oauth/user/info`,
      request: ({ tokens }) => loadProfile(tokens as unknown as PortalTokens),
    },
    profile: (profile) => ({
      id: profile.zuid,
      email: profile.email,
      name: profile.displayName,
    }),
  };
}

async function exchangeAtUserDataCentre(
  params: CallbackParams,
  checks: { state?: string; code_verifier?: string },
): Promise<{ tokens: PortalTokens }> {
  const { client, redirectUri, dataCentres } = portalConfig();
  if (!checks.state || params.state !== checks.state) {
    throw fail("STATE_MISMATCH");
  }
  const dc = callbackDataCentre();
  if (!dc) throw fail("DC_NOT_ALLOWED");
  if (!params.code) throw fail("CODE_INVALID");

  try {
    const tokens = await exchangeCode({
      accountsServer: dc.accountsServer,
      client,
      code: params.code,
      redirectUri,
      codeVerifier: checks.code_verifier,
    });
    if (!dataCentres.byApiDomain(tokens.apiDomain))
      throw fail("DC_NOT_ALLOWED");
    return {
      tokens: {
        access_token: tokens.accessToken,
        token_type: "bearer",
        portal_tokens: tokens,
        accounts_server: dc.accountsServer,
        location: dc.location,
      },
    };
  } catch (error) {
    throw asSignInError(error);
  }
}

async function loadProfile(tokens: PortalTokens): Promise<ZohoProfile> {
  try {
    return await fetchProfile({
      accountsServer: tokens.accounts_server,
      accessToken: tokens.portal_tokens.accessToken,
    });
  } catch (error) {
    throw asSignInError(error);
  }
}

function asSignInError(error: unknown): SignInError {
  if (error instanceof SignInError) return error;
  if (isZohoError(error, "ZOHO_CODE_INVALID")) return fail("CODE_INVALID");
  const unavailable = [
    "ZOHO_UNREACHABLE",
    "ZOHO_UNEXPECTED_STATUS",
    "ZOHO_MALFORMED_RESPONSE",
    "ZOHO_THROTTLED",
  ] as const;
  if (isZohoError(error, ...unavailable)) {
    return fail("ZOHO_UNAVAILABLE");
  }
  return fail("SIGN_IN_FAILED");
}

function fail(code: SignInError["code"]): SignInError {
  noteSignInFailure(code);
  return new SignInError(code);
}
