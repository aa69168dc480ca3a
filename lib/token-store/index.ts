/**
 * The token store's one entry point: the contract types, the error type,
 * the two backends, key loading and the sealing helpers. A plain Node
 * module (no Next APIs), so the CLI can use it too. See the top README,
 * "The token store".
 */
export { REFRESH_LEASE_MS } from "./types";
export type {
  OAuthToken,
  PortalTokenStore,
  RefreshLeases,
  TokenStore,
  UserSignature,
} from "./types";
export {
  TOKEN_STORE_ERROR_CODES,
  TokenStoreError,
  type TokenStoreErrorCode,
} from "./errors";
export {
  createSqliteTokenStore,
  type SqliteTokenStoreOptions,
} from "./sqlite-store";
export { createMemoryTokenStore } from "./memory-store";
export {
  generateKeyValue,
  KEY_VARIABLE,
  KeyRing,
  loadKeyRing,
  parseKeyRing,
  type LoadKeyRingOptions,
} from "./keys";
export { openSecret, sealSecret, type KeyInput } from "./crypto";
export { MAX_FIELD_BYTES } from "./validate";
