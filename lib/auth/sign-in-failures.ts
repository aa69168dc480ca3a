import "server-only";

import { AsyncLocalStorage } from "node:async_hooks";

import type { SignInFailure } from "./errors";

/**
 * next-auth turns every callback failure into one generic error. The
 * portal notes the precise reason in a per-request slot so that the route
 * can send the user to a page that explains what happened.
 */
const slots = new AsyncLocalStorage<{ code?: SignInFailure }>();

/** Records why this request's sign-in failed; the first reason wins. */
export function noteSignInFailure(code: SignInFailure): void {
  const slot = slots.getStore();
  if (slot && !slot.code) slot.code = code;
}

/** Runs `work` with a fresh slot; returns its result and any noted reason. */
export async function captureSignInFailure<T>(
  work: () => Promise<T>,
): Promise<{ result: T; failure?: SignInFailure }> {
  const slot: { code?: SignInFailure } = {};
  const result = await slots.run(slot, work);
  return { result, failure: slot.code };
}
