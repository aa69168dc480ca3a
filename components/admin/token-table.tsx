"use client";

import { useActionState, useState } from "react";

import type { TokenQuery, TokenRow } from "@/lib/admin";

import { ActionMessage } from "./action-message";
import { formatTime, type AdminAction } from "./format";
import { SortHeader } from "./sort-header";

/**
 * The stored tokens, one row per user, each with a two-step "Log out". The
 * outcome message lives here, so it stays when the row disappears.
 */
export function TokenTable(props: {
  rows: TokenRow[];
  query: TokenQuery;
  logOut: AdminAction;
}) {
  const [message, submit, pending] = useActionState(props.logOut, null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const { query } = props;

  return (
    <div className="flex flex-col gap-3">
      <ActionMessage message={message} />
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Stored tokens</caption>
          <thead className="bg-slate-100 text-slate-600">
            <tr>
              <SortHeader query={query} column="user" label="User" />
              <SortHeader
                query={query}
                column="dataCentre"
                label="Data centre"
              />
              <th scope="col" className="px-3 py-3 font-semibold">
                API domain
              </th>
              <SortHeader
                query={query}
                column="expiry"
                label="Access token expires"
              />
              <SortHeader
                query={query}
                column="lastRefresh"
                label="Last refresh"
              />
              <SortHeader
                query={query}
                column="firstSignIn"
                label="First sign-in"
              />
              <th scope="col" className="px-3 py-3 font-semibold">
                Live sessions
              </th>
              <th scope="col" className="px-3 py-3 font-semibold">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-100">
                <td className="px-3 py-3 font-medium" dir="auto">
                  {row.user}
                </td>
                <td className="px-3 py-3">{row.dataCentreLabel}</td>
                <td className="px-3 py-3 break-all">{row.apiDomain ?? "—"}</td>
                <td className="px-3 py-3">{formatTime(row.expiresAt)}</td>
                <td className="px-3 py-3">{formatTime(row.lastRefreshAt)}</td>
                <td className="px-3 py-3">{formatTime(row.firstSignInAt)}</td>
                <td className="px-3 py-3">{row.liveSessions}</td>
                <td className="px-3 py-3">
                  {confirming === row.id ? (
                    <form action={submit} className="flex gap-2">
                      <input type="hidden" name="tokenId" value={row.id} />
                      <button
                        type="submit"
                        disabled={pending}
                        className="rounded-md bg-red-700 px-3 py-1.5 font-semibold whitespace-nowrap text-white disabled:opacity-60"
                      >
                        Confirm log out
                      </button>
                      <button
                        type="button"
                        onClick={() => setConfirming(null)}
                        className="rounded-md px-3 py-1.5 hover:bg-slate-100"
                      >
                        Cancel
                      </button>
                    </form>
                  ) : (
                    <button
                      type="button"
                      aria-label={`Log out ${row.user}`}
                      onClick={() => setConfirming(row.id)}
                      className="rounded-md border border-red-300 px-3 py-1.5 whitespace-nowrap text-red-800 hover:bg-red-50"
                    >
                      Log out
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.rows.length === 0 && (
        <p className="text-sm text-slate-600">No stored tokens match.</p>
      )}
    </div>
  );
}
