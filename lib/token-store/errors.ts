/**
 * The token store's errors: one class, a closed list of codes. Messages are
 * plain sentences that name a field or a variable, never a value and never
 * SQL text.
 */

/** Every code a TokenStoreError can carry. */
export const TOKEN_STORE_ERROR_CODES = [
  /** A field has the wrong type, is empty, too long or not valid text. */
  "INVALID_TOKEN_INPUT",
  /** No user name, access, refresh or grant token to identify the token. */
  "MISSING_IDENTITY",
  /** A save with an id would give a user a second row, or move a row. */
  "IDENTITY_CONFLICT",
  /** No encryption key configured (TOKEN_STORE_KEYS). */
  "KEY_MISSING",
  /** TOKEN_STORE_KEYS or the demo key file is not in the expected form. */
  "KEY_INVALID",
  /** A stored value was sealed with a key version that is not configured. */
  "KEY_UNKNOWN_VERSION",
  /** The database file or its folder is missing or not writable. */
  "DATABASE_UNAVAILABLE",
  /** A sealed value failed authentication: wrong key or altered data. */
  "DECRYPT_FAILED",
  /** Any other failure of the backend (details in `cause`, not the text). */
  "STORE_FAILURE",
] as const;

/** One of TOKEN_STORE_ERROR_CODES. */
export type TokenStoreErrorCode = (typeof TOKEN_STORE_ERROR_CODES)[number];

/** The one error type the store raises. `field` names the input at fault. */
export class TokenStoreError extends Error {
  readonly code: TokenStoreErrorCode;
  readonly field?: string;

  constructor(
    code: TokenStoreErrorCode,
    message: string,
    options: { field?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "TokenStoreError";
    this.code = code;
    if (options.field !== undefined) this.field = options.field;
  }
}

/** Wraps any non-TokenStoreError into STORE_FAILURE, keeping the cause. */
export function asStoreError(error: unknown, action: string): TokenStoreError {
  if (error instanceof TokenStoreError) return error;
  return new TokenStoreError(
    "STORE_FAILURE",
    `The token store could not ${action}.`,
    { cause: error },
  );
}
