"use client";

import { useActionState } from "react";

import type { PendingRow } from "@/lib/admin";

import { ActionMessage } from "./action-message";
import { formatTime, type AdminAction } from "./format";

/** Revokes Zoho has not confirmed yet, each with a "Retry" button. */
export function PendingRevocations(props: {
  rows: PendingRow[];
  retry: AdminAction;
}) {
  const [message, submit, pending] = useActionState(props.retry, null);

  return (
    <section className="flex flex-col gap-3">
      <h2 className="text-brand-900 text-lg font-semibold">
        Revokes waiting for Zoho
      </h2>
      <ActionMessage message={message} />
      {props.rows.length === 0 ? (
        <p className="text-sm text-slate-600">
          None: every logged-out refresh token is revoked at Zoho.
        </p>
      ) : (
        <ul className="flex flex-col gap-2">
          {props.rows.map((row) => (
            <li
              key={row.id}
              className="flex flex-wrap items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
            >
              <span className="font-medium" dir="auto">
                {row.user}
              </span>
              <span>{row.dataCentre?.toUpperCase() ?? "?"}</span>
              <span>
                Revoke failed ({row.lastError}), {row.attempts} attempt
                {row.attempts === 1 ? "" : "s"}, last{" "}
                {formatTime(row.lastAttemptAt)}
              </span>
              <form action={submit} className="ml-auto">
                <input type="hidden" name="pendingId" value={row.id} />
                <button
                  type="submit"
                  disabled={pending}
                  aria-label={`Retry revoke for ${row.user}`}
                  className="rounded-md border border-amber-400 bg-white px-3 py-1.5 font-semibold disabled:opacity-60"
                >
                  Retry
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
