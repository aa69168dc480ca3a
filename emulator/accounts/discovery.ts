/**
 * OIDC discovery, JWKS and the data-centre directory of one accounts
 * server (Zoho docs: OAuth endpoints; sign in using Zoho (OIDC); multi data
 * centre).
 */
import type { Hono } from "hono";
import type { DcContext } from "../http/context";
import { jsonResponse } from "../http/context";

/** Mounts discovery, keys and serverinfo. */
export function mountDiscovery(app: Hono, ctx: DcContext): void {
  app.get("/.well-known/openid-configuration", () =>
    jsonResponse(discoveryDocument(ctx)),
  );
  app.get("/oauth/v2/keys", () => jsonResponse({ keys: [ctx.keys.publicJwk] }));
  app.get("/oauth/serverinfo", () => jsonResponse(serverInfo(ctx)));
}

function discoveryDocument(ctx: DcContext) {
  const issuer = ctx.state.dataCentres[ctx.dc]?.accountsUrl ?? "";
  return {
    issuer,
    authorization_endpoint: `${issuer}/oauth/v2/auth`,
    token_endpoint: `${issuer}/oauth/v2/token`,
    userinfo_endpoint: `${issuer}/oauth/v2/userinfo`,
    jwks_uri: `${issuer}/oauth/v2/keys`,
    revocation_endpoint: `${issuer}/oauth/v2/token/revoke`,
    scopes_supported: ["openid", "email", "profile"],
    response_types_supported: ["code"],
    grant_types_supported: ["authorization_code", "refresh_token"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS256"],
    token_endpoint_auth_methods_supported: ["client_secret_post"],
    code_challenge_methods_supported: ["plain", "S256"],
    claims_supported: [
      "sub",
      "email",
      "email_verified",
      "name",
      "given_name",
      "family_name",
      "first_name",
      "last_name",
    ],
  };
}

function serverInfo(ctx: DcContext) {
  const locations = Object.fromEntries(
    Object.entries(ctx.state.dataCentres).map(([dc, d]) => [dc, d.accountsUrl]),
  );
  return { result: "success", locations };
}
