/**
 * Input checks shared by every backend. A token is checked field by field
 * before anything is read or written; the error names the field, never its
 * value. `null` and `undefined` both mean "not given" (the Zoho SDKs use
 * null for absent fields).
 */
import { TokenStoreError } from "./errors";

/** Upper bound of one text field, in UTF-8 bytes. */
export const MAX_FIELD_BYTES = 4096;

/** Upper bound of an id, in UTF-8 bytes. */
export const MAX_ID_BYTES = 255;

/** A checked token: trusted types, no store-owned fields. */
export interface CleanToken {
  id?: string;
  userName?: string;
  clientId?: string;
  clientSecret?: string;
  accessToken?: string;
  refreshToken?: string;
  grantToken?: string;
  expiryTime?: number;
  redirectUrl?: string;
  apiDomain?: string;
  accountsServer?: string;
}

const TEXT_FIELDS = [
  "clientId",
  "clientSecret",
  "accessToken",
  "refreshToken",
  "grantToken",
  "redirectUrl",
  "apiDomain",
  "accountsServer",
] as const;

// Lone surrogates cannot be stored as UTF-8 without changing them, and NUL
// ends strings in some SQL functions: both are refused rather than altered.
const NOT_PLAIN_TEXT = /[\p{Cs}\u0000]/u;

function invalid(field: string, why: string): TokenStoreError {
  return new TokenStoreError(
    "INVALID_TOKEN_INPUT",
    `Token field ${field} ${why}.`,
    { field },
  );
}

/** A non-empty, well-formed string of at most `maxBytes` bytes. */
export function checkText(
  value: unknown,
  field: string,
  maxBytes = MAX_FIELD_BYTES,
): string {
  if (typeof value !== "string") throw invalid(field, "must be a string");
  if (value.length === 0) throw invalid(field, "must not be empty");
  if (value.length > maxBytes || Buffer.byteLength(value) > maxBytes) {
    throw invalid(field, `must be at most ${maxBytes} bytes`);
  }
  if (NOT_PLAIN_TEXT.test(value)) {
    throw invalid(field, "must be valid Unicode text without NUL");
  }
  return value;
}

/** An id as given by a caller: checked text of at most 255 bytes. */
export function checkId(value: unknown, field = "id"): string {
  return checkText(value, field, MAX_ID_BYTES);
}

/** A time in epoch milliseconds: a non-negative integer. */
export function checkEpochMs(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw invalid(field, "must be an integer (epoch milliseconds)");
  }
  if (value < 0) throw invalid(field, "must not be negative");
  return value;
}

function given(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function ownFields(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value));
}

function checkUserName(signature: unknown): string | undefined {
  if (!given(signature)) return undefined;
  if (
    typeof signature !== "object" ||
    signature === null ||
    Array.isArray(signature)
  ) {
    throw invalid("userSignature", "must be an object with a name");
  }
  const name = ownFields(signature).name;
  return given(name) ? checkText(name, "userSignature.name") : undefined;
}

/**
 * Checks every field of a caller's token; drops createdAt and updatedAt.
 * @throws TokenStoreError INVALID_TOKEN_INPUT naming the first bad field.
 */
export function cleanToken(input: unknown): CleanToken {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw invalid("token", "must be an object");
  }
  // Own fields only: a value inherited through a prototype is not data.
  const raw = ownFields(input);
  const clean: CleanToken = {};

  if (given(raw.id)) clean.id = checkId(raw.id);
  const userName = checkUserName(raw.userSignature);
  if (userName !== undefined) clean.userName = userName;
  for (const field of TEXT_FIELDS) {
    if (given(raw[field])) clean[field] = checkText(raw[field], field);
  }
  if (given(raw.expiryTime)) {
    clean.expiryTime = checkEpochMs(raw.expiryTime, "expiryTime");
  }
  return clean;
}

/**
 * A token must say whose it is: a user name or a token value.
 * @throws TokenStoreError MISSING_IDENTITY listing what is missing.
 */
export function requireIdentity(token: CleanToken): void {
  const { userName, accessToken, refreshToken, grantToken } = token;
  if (userName ?? accessToken ?? refreshToken ?? grantToken) return;
  throw new TokenStoreError(
    "MISSING_IDENTITY",
    "The token has no userSignature.name, accessToken, refreshToken or " +
      "grantToken: at least one is needed to identify it.",
  );
}
