/**
 * The two grants of the token endpoint: authorization_code (with PKCE) and
 * refresh_token (with the throttle). Success bodies use Zoho's field names.
 */
import { createHash } from "node:crypto";
import type { DcContext, LogExtra } from "../http/context";
import { ACCESS_DENIED_BODY } from "../http/faults";
import type { ZohoGrantCode } from "../state/grants";
import { grants } from "../scopes";
import { signIdToken } from "./oidc-keys";

/** A token endpoint answer before it is sent. */
export interface GrantResult {
  body: Record<string, unknown>;
  status?: number;
  log: LogExtra;
}

/** authorization_code: single-use code, same client, DC and redirect. */
export async function exchangeCode(
  ctx: DcContext,
  params: Map<string, string>,
  log: LogExtra,
): Promise<GrantResult> {
  const { state } = ctx;
  const clientId = params.get("client_id") ?? "";
  const code = state.tokens.takeCode(
    params.get("code") ?? "",
    clientId,
    ctx.dc,
  );
  if (!code) return failure("invalid_code", log);
  const user = state.userByZuid(code.zuid);
  const withUser = { ...log, user: user?.email };
  if (!user) return failure("invalid_code", log);
  if (params.get("redirect_uri") !== code.redirectUri) {
    return failure("invalid_redirect_uri", withUser);
  }
  if (!verifierMatches(code, params.get("code_verifier"))) {
    return failure("invalid_code", withUser);
  }

  const owner = { zuid: code.zuid, clientId, dc: ctx.dc, scopes: code.scopes };
  const dueRefresh =
    code.offline &&
    (code.promptConsent ||
      !state.tokens.hadOfflineConsent(code.zuid, clientId));
  const refresh = dueRefresh ? state.tokens.mintRefresh(owner) : null;
  const access = state.tokens.mintAccess(owner, refresh);

  const body = successBody(ctx, access, code.scopes);
  if (refresh) body.refresh_token = refresh;
  if (grants(code.scopes, ["openid"])) {
    body.id_token = await signIdToken(ctx.keys, {
      issuer: state.dataCentres[ctx.dc]?.accountsUrl ?? "",
      clientId,
      user,
      accessToken: access,
      nonce: code.nonce,
      now: state.clock.now(),
      ttlMs: state.limits.accessTokenTtlMs,
    });
  }
  return { body, log: withUser };
}

/** refresh_token: a live token of this client and DC, within the throttle. */
export function refreshToken(
  ctx: DcContext,
  params: Map<string, string>,
  log: LogExtra,
): GrantResult {
  const outcome = ctx.state.tokens.refreshAccess(
    params.get("refresh_token") ?? "",
    params.get("client_id") ?? "",
    ctx.dc,
  );
  if (!outcome.ok && outcome.error === "throttled") {
    return {
      body: ACCESS_DENIED_BODY,
      log: { ...log, error: "Access Denied" },
    };
  }
  if (!outcome.ok) return failure("invalid_code", log);

  const user = ctx.state.userByZuid(outcome.grant.zuid);
  const body = successBody(ctx, outcome.accessToken, outcome.grant.scopes);
  return { body, log: { ...log, user: user?.email } };
}

function successBody(
  ctx: DcContext,
  accessToken: string,
  scopes: string[],
): Record<string, unknown> {
  return {
    access_token: accessToken,
    scope: scopes.join(" "),
    api_domain: ctx.state.dataCentres[ctx.dc]?.apiUrl ?? "",
    token_type: "Bearer",
    expires_in: Math.floor(ctx.state.limits.accessTokenTtlMs / 1000),
  };
}

/** PKCE (RFC 7636): checked when the code carried a challenge. */
function verifierMatches(code: ZohoGrantCode, verifier?: string): boolean {
  if (!code.codeChallenge) return true;
  if (!verifier) return false;

  if (code.codeChallengeMethod === "S256") {
    const hash = createHash("sha256").update(verifier).digest("base64url");
    return hash === code.codeChallenge;
  }
  return verifier === code.codeChallenge;
}

/** An error body as Zoho sends it, logged with its code. */
export function failure(
  error: string,
  log: LogExtra,
  status = 200,
): GrantResult {
  return { body: { error }, status, log: { ...log, error } };
}
