/**
 * The RS256 key that signs id_tokens, made fresh at every start and
 * published as a JWKS at /oauth/v2/keys.
 */
import { createHash } from "node:crypto";
import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWK,
} from "jose";
import type { ZohoSeedUser } from "../state/seed";

/** The signing key and its public JWK. */
export interface OidcKeys {
  privateKey: CryptoKey;
  publicJwk: JWK;
}

const KID = "zylker-emulator-1";

/** Generates the key pair once per emulator. */
export async function createOidcKeys(): Promise<OidcKeys> {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const jwk = await exportJWK(publicKey);
  return {
    privateKey,
    publicJwk: { ...jwk, kid: KID, alg: "RS256", use: "sig" },
  };
}

/** What an id_token is about. */
export interface IdTokenInput {
  issuer: string;
  clientId: string;
  user: ZohoSeedUser;
  accessToken: string;
  nonce?: string;
  now: number;
  ttlMs: number;
}

/**
 * Signs an id_token: sub is the ZUID, aud the client id (Zoho docs: sign in
 * using Zoho (OIDC)).
 */
export async function signIdToken(
  keys: OidcKeys,
  input: IdTokenInput,
): Promise<string> {
  const iat = Math.floor(input.now / 1000);
  const claims = {
    ...oidcClaims(input.user),
    at_hash: atHash(input.accessToken),
    ...(input.nonce ? { nonce: input.nonce } : {}),
  };

  return new SignJWT(claims)
    .setProtectedHeader({ alg: "RS256", kid: KID, typ: "JWT" })
    .setIssuer(input.issuer)
    .setSubject(input.user.zuid)
    .setAudience(input.clientId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + Math.floor(input.ttlMs / 1000))
    .sign(keys.privateKey);
}

/** Profile claims shared by id_token and /oauth/v2/userinfo. */
export function oidcClaims(user: ZohoSeedUser) {
  return {
    email: user.email,
    email_verified: true,
    name: user.full_name,
    given_name: user.first_name,
    family_name: user.last_name,
    first_name: user.first_name,
    last_name: user.last_name,
  };
}

function atHash(accessToken: string): string {
  const hash = createHash("sha256").update(accessToken).digest();
  return hash.subarray(0, hash.length / 2).toString("base64url");
}
