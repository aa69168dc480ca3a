/**
 * Central logout, shared by the admin console's server actions and the
 * operator CLI: a plain Node module (no Next APIs, no "server-only") whose
 * callers pass in the token store, database, revoke call and actor.
 * See the top README, "For admins and operators".
 */
export type {
  AdminDeps,
  LogoutAllResult,
  LogoutResult,
  RetryResult,
  RevokeFn,
  RevokeOutcome,
} from "./types";
export { dataCentreOf, logoutEveryone, logoutUser } from "./logout";
export {
  RETRY_IDLE_MS,
  retryDueRevocations,
  retryRevocation,
} from "./revocation";
export { listPending, type PendingRow } from "./pending";
export {
  listTokenRows,
  parseTokenQuery,
  SORT_KEYS,
  type SortKey,
  type TokenQuery,
  type TokenRow,
} from "./token-list";
export {
  describeLogout,
  describeLogoutAll,
  describeRetry,
  type AdminMessage,
  type Tone,
} from "./messages";
export { claimToken } from "./lease";
export { revokeOrQueue } from "./revocation";
export { isPortalAdmin, type CrmStanding } from "./rules";
