/**
 * Plain sentences for the outcome of each admin operation, shared by the
 * console and the CLI. They name users and Zoho error codes, never a
 * token value.
 */
import type { LogoutAllResult, LogoutResult, RetryResult } from "./types";

/** How a message should look: done, done with a problem, or refused. */
export type Tone = "ok" | "warning" | "error";

/** One outcome, in words. */
export interface AdminMessage {
  tone: Tone;
  text: string;
}

/** The outcome of logging one user out. */
export function describeLogout(result: LogoutResult): AdminMessage {
  if (result.status === "not_found") {
    return {
      tone: "warning",
      text:
        "Nothing to do: that user is already logged out " +
        "(no stored token matches).",
    };
  }
  const { user, sessionsEnded, revoke } = result;
  const sessions = plural(sessionsEnded, "session");
  const local = `Logged out ${user} (${sessions} ended)`;
  if (revoke.ok) {
    const zoho = revoke.skipped ? "no refresh token was stored" : "";
    return {
      tone: "ok",
      text: `${local}; ${zoho || "the refresh token is revoked at Zoho"}.`,
    };
  }
  return {
    tone: "warning",
    text:
      `${local}, but the revoke at Zoho failed (${revoke.code}). ` +
      "It is queued and will be retried.",
  };
}

/** The outcome of logging everyone out. */
export function describeLogoutAll(result: LogoutAllResult): AdminMessage {
  const base =
    `Logged out ${plural(result.users.length, "user")} ` +
    `(${plural(result.sessionsEnded, "session")} ended)`;
  if (!result.failed) {
    return { tone: "ok", text: `${base}; every revoke at Zoho succeeded.` };
  }
  return {
    tone: "warning",
    text:
      `${base}, but ${plural(result.failed, "revoke")} at Zoho failed. ` +
      "They are queued and will be retried.",
  };
}

/** The outcome of retrying a pending revoke. */
export function describeRetry(result: RetryResult): AdminMessage {
  switch (result.status) {
    case "revoked":
      return {
        tone: "ok",
        text: `The refresh token of ${result.user} is now revoked at Zoho.`,
      };
    case "failed":
      return {
        tone: "warning",
        text:
          `The revoke for ${result.user} failed again (${result.code}); ` +
          "it stays queued.",
      };
    case "busy":
      return {
        tone: "warning",
        text: `A retry for ${result.user} is already under way.`,
      };
    default:
      return { tone: "warning", text: "Nothing to do: already revoked." };
  }
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
