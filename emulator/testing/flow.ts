/**
 * Helpers that drive the emulator through real HTTP the way a browser and
 * a portal would: consent page, hand-over, code exchange, refresh.
 */
import { ZOHO_SCOPES } from "../../lib/zoho/scopes";
import type { EmulatorClient, RunningEmulator } from "../types";

/** The client the emulator tests register. */
export const TEST_CLIENT: EmulatorClient = {
  clientId: "1000.TESTCLIENT0000000000000000000",
  clientSecret: "test-secret-0123456789abcdef",
  name: "Zylker Academy Portal",
  redirectUris: ["http://127.0.0.1:9/callback"],
};

/** Every scope the portal asks for. */
export const PORTAL_SCOPES = ZOHO_SCOPES;

/** What an authorize call may vary. */
export interface AuthorizeInput {
  user: string;
  dc?: string;
  scope?: string;
  accessType?: "online" | "offline";
  prompt?: string;
  state?: string;
  extra?: Record<string, string>;
  client?: EmulatorClient;
}

/** The query of the authorize URL. */
export function authorizeQuery(input: AuthorizeInput): URLSearchParams {
  const client = input.client ?? TEST_CLIENT;
  const query = new URLSearchParams({
    client_id: client.clientId,
    response_type: "code",
    redirect_uri: client.redirectUris[0] as string,
    scope: input.scope ?? PORTAL_SCOPES,
    access_type: input.accessType ?? "offline",
    ...input.extra,
  });
  if (input.prompt) query.set("prompt", input.prompt);
  if (input.state) query.set("state", input.state);
  return query;
}

/**
 * Opens the consent page, picks the user and presses Accept, following a
 * hand-over to another data centre. Returns the final redirect URL.
 */
export async function consent(
  emu: RunningEmulator,
  input: AuthorizeInput,
  decision: "accept" | "deny" = "accept",
): Promise<URL> {
  const start = emu.dataCentres[input.dc ?? "us"]?.accountsUrl;
  let url = `${start}/oauth/v2/auth?${authorizeQuery(input)}`;

  for (let hop = 0; hop < 3; hop++) {
    const page = await fetch(url, { redirect: "manual" });
    if (page.status !== 200) throw new Error(`consent page ${page.status}`);
    await page.text();

    const form = new URLSearchParams(new URL(url).searchParams);
    form.delete("login_hint");
    form.set("user", input.user);
    form.set("decision", decision);
    const origin = new URL(url).origin;
    const posted = await fetch(`${origin}/oauth/v2/auth`, {
      method: "POST",
      body: form,
      redirect: "manual",
    });
    const location = posted.headers.get("location") ?? "";
    if (!new URL(location).pathname.endsWith("/oauth/v2/auth")) {
      return new URL(location);
    }
    url = location;
  }
  throw new Error("too many hand-overs");
}

/** POSTs form parameters to a token-style endpoint and parses JSON. */
export async function postForm(
  url: string,
  params: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, {
    method: "POST",
    body: new URLSearchParams(params),
  });
  return { status: res.status, body: await res.json() };
}

/** Exchanges a code at an accounts server. */
export function exchangeCode(
  accountsUrl: string,
  code: string,
  client: EmulatorClient = TEST_CLIENT,
  extra: Record<string, string> = {},
) {
  return postForm(`${accountsUrl}/oauth/v2/token`, {
    grant_type: "authorization_code",
    client_id: client.clientId,
    client_secret: client.clientSecret,
    redirect_uri: client.redirectUris[0] as string,
    code,
    ...extra,
  });
}

/** Runs the refresh grant at an accounts server. */
export function refresh(
  accountsUrl: string,
  refreshToken: string,
  client: EmulatorClient = TEST_CLIENT,
) {
  return postForm(`${accountsUrl}/oauth/v2/token`, {
    grant_type: "refresh_token",
    client_id: client.clientId,
    client_secret: client.clientSecret,
    refresh_token: refreshToken,
  });
}

/** Signs a user in end to end and returns the token response. */
export async function signIn(emu: RunningEmulator, input: AuthorizeInput) {
  const back = await consent(emu, input);
  const code = back.searchParams.get("code") ?? "";
  const server = back.searchParams.get("accounts-server") ?? "";
  const { body } = await exchangeCode(server, code, input.client);
  return {
    accountsUrl: server,
    accessToken: String(body.access_token),
    refreshToken: body.refresh_token as string | undefined,
    apiDomain: String(body.api_domain),
    body,
  };
}

/** GET on the CRM with a Zoho-oauthtoken header. */
export function crmGet(apiUrl: string, path: string, token: string) {
  return fetch(`${apiUrl}${path}`, {
    headers: { authorization: `Zoho-oauthtoken ${token}` },
  });
}
