/**
 * How a token becomes an oauth_tokens row and back. The four secrets
 * (access, refresh and grant token, client secret) are one JSON object
 * sealed once with AES-256-GCM, bound to the row id: one decryption per read
 * instead of four. Token values are found through HMAC digests only.
 */
import type { oauthTokens } from "../../db/schema";
import type { StoredToken } from "./core";
import { openBytes, sealBytes, tokenDigest } from "./crypto";
import { TokenStoreError } from "./errors";
import type { KeyRing } from "./key-ring";

/** The columns the store writes (the lease has its own statements). */
export type TokenRow = Omit<
  typeof oauthTokens.$inferSelect,
  "leaseOwner" | "leaseUntil"
>;

/** The columns the store reads back: no digests, no lease. */
export type ReadRow = Omit<
  TokenRow,
  "accessDigest" | "refreshDigest" | "grantDigest"
>;

/** The sealed JSON: short keys keep every row's ciphertext small. */
interface Secrets {
  a?: string;
  r?: string;
  g?: string;
  s?: string;
}

function contextOf(id: string): Buffer {
  return Buffer.from(`oauth_tokens:${id}`, "utf8");
}

function digestOf(
  ring: KeyRing,
  kind: "access" | "refresh" | "grant",
  v?: string,
) {
  return v === undefined ? null : tokenDigest(ring, kind, v);
}

/** The row for `token`, sealed with the ring's current key. */
export function toRow(ring: KeyRing, token: StoredToken): TokenRow {
  const secrets: Secrets = {
    a: token.accessToken,
    r: token.refreshToken,
    g: token.grantToken,
    s: token.clientSecret,
  };

  return {
    id: token.id,
    userName: token.userName ?? null,
    clientId: token.clientId ?? "",
    secrets: sealBytes(ring, JSON.stringify(secrets), contextOf(token.id)),
    accessDigest: digestOf(ring, "access", token.accessToken),
    refreshDigest: digestOf(ring, "refresh", token.refreshToken),
    grantDigest: digestOf(ring, "grant", token.grantToken),
    expiryTime: token.expiryTime ?? null,
    redirectUrl: token.redirectUrl ?? null,
    apiDomain: token.apiDomain ?? null,
    accountsServer: token.accountsServer ?? null,
    createdAt: token.createdAt,
    updatedAt: token.updatedAt,
  };
}

function parseSecrets(json: string): Secrets {
  const value: unknown = JSON.parse(json);
  if (typeof value !== "object" || value === null) {
    throw new TokenStoreError(
      "DECRYPT_FAILED",
      "A stored token's secrets are not in the expected form.",
    );
  }
  return value as Secrets;
}

/** The token a row holds, decrypted; absent columns stay absent. */
export function fromRow(ring: KeyRing, row: ReadRow): StoredToken {
  const secrets = parseSecrets(openBytes(ring, row.secrets, contextOf(row.id)));
  const token: StoredToken = {
    id: row.id,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };

  if (row.userName !== null) token.userName = row.userName;
  if (row.clientId) token.clientId = row.clientId;
  if (secrets.s !== undefined) token.clientSecret = secrets.s;
  if (secrets.a !== undefined) token.accessToken = secrets.a;
  if (secrets.r !== undefined) token.refreshToken = secrets.r;
  if (secrets.g !== undefined) token.grantToken = secrets.g;
  if (row.expiryTime !== null) token.expiryTime = row.expiryTime;
  if (row.redirectUrl !== null) token.redirectUrl = row.redirectUrl;
  if (row.apiDomain !== null) token.apiDomain = row.apiDomain;
  if (row.accountsServer !== null) token.accountsServer = row.accountsServer;
  return token;
}
