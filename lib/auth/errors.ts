/**
 * Sign-in failures the browser may see. Each code has a plain message on
 * the error page (app/auth/error); anything else shows SIGN_IN_FAILED.
 */
export const SIGN_IN_FAILURES = {
  CONSENT_DENIED:
    "You chose not to let the portal read your Zoho data, so you are not signed in.",
  STATE_MISMATCH:
    "The sign-in could not be verified (it may have been started in another tab or taken too long). Please start again.",
  DC_NOT_ALLOWED:
    "Zoho sent the sign-in back through a server this portal does not trust, so it was stopped.",
  CODE_INVALID:
    "The sign-in link from Zoho was already used or has expired. Please start again.",
  ZOHO_UNAVAILABLE:
    "Zoho did not answer in time. Please try again in a moment.",
  CONSENT_REQUIRED:
    "Zoho did not grant the portal lasting access. Please sign in again and accept the request.",
  SIGN_IN_FAILED: "Signing in with Zoho did not work. Please try again.",
} as const;

export type SignInFailure = keyof typeof SIGN_IN_FAILURES;

/** A sign-in that must stop, with the code the error page will explain. */
export class SignInError extends Error {
  override readonly name = "SignInError";

  constructor(
    readonly code: SignInFailure,
    message?: string,
  ) {
    super(message ?? code);
  }
}

/** The user's Zoho access ended (revoked, evicted or logged out). */
export class AccessEndedError extends Error {
  override readonly name = "AccessEndedError";

  constructor(readonly reason: "zoho_ended" | "token_missing") {
    super(`Zoho access ended: ${reason}`);
  }
}

/** The code when `value` is a known failure, else SIGN_IN_FAILED. */
export function toSignInFailure(value: string | undefined): SignInFailure {
  if (value && Object.hasOwn(SIGN_IN_FAILURES, value)) {
    return value as SignInFailure;
  }
  return "SIGN_IN_FAILED";
}
