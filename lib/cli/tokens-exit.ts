/**
 * Exit codes of `npm run tokens`, a closed list, and the one error type
 * its commands throw. Messages name users, paths and Zoho error codes,
 * never a token value.
 */

/** Each outcome and its exit code. */
export const EXIT_CODES = {
  /** Done. */
  OK: 0,
  /** Logged out locally, but Zoho's revoke failed (queued for retry). */
  REVOKE_FAILED: 1,
  /** Unknown command, bad arguments or invalid environment. */
  USAGE: 2,
  /** No stored token for that id or email. */
  UNKNOWN_TARGET: 3,
  /** Database or token store key unavailable. */
  UNAVAILABLE: 4,
} as const;

/** One of the outcomes above. */
export type ExitReason = keyof typeof EXIT_CODES;

/** A failed command: its exit reason and a message for stderr. */
export class CliFailure extends Error {
  override readonly name = "CliFailure";

  constructor(
    readonly reason: Exclude<ExitReason, "OK">,
    message: string,
  ) {
    super(message);
  }
}
