import "server-only";

import { AsyncLocalStorage } from "node:async_hooks";

import type { DataCentre } from "@/lib/zoho/data-centres";

import type { SignInFailure } from "./errors";

/**
 * What one /api/auth request knows beyond what next-auth passes along:
 * the data centre Zoho named in the callback (next-auth keeps only the
 * standard OAuth parameters), and why a sign-in failed (next-auth turns
 * every failure into one generic error; the portal explains each case).
 */
interface AuthRequestContext {
  dataCentre?: DataCentre;
  failure?: SignInFailure;
}

const requests = new AsyncLocalStorage<AuthRequestContext>();

/** Records why this request's sign-in failed; the first reason wins. */
export function noteSignInFailure(code: SignInFailure): void {
  const context = requests.getStore();
  if (context && !context.failure) context.failure = code;
}

/** The allowlisted data centre of this callback, if it named one. */
export function callbackDataCentre(): DataCentre | undefined {
  return requests.getStore()?.dataCentre;
}

/** Runs `work` in a fresh context; returns its result and any failure. */
export async function runAuthRequest<T>(
  dataCentre: DataCentre | undefined,
  work: () => Promise<T>,
): Promise<{ result: T; failure?: SignInFailure }> {
  const context: AuthRequestContext = { dataCentre };
  const result = await requests.run(context, work);
  return { result, failure: context.failure };
}
