"use client";

import { useActionState, useState } from "react";

import { ActionMessage } from "./action-message";
import type { AdminAction } from "./format";

/** "Log out everyone", behind a confirmation that names the admin too. */
export function LogoutEveryone(props: {
  admin: string;
  logOutEveryone: AdminAction;
}) {
  const [message, submit, pending] = useActionState(props.logOutEveryone, null);
  const [confirming, setConfirming] = useState(false);

  return (
    <section className="flex flex-col gap-3 rounded-xl border border-red-200 bg-white p-4">
      <h2 className="text-brand-900 text-lg font-semibold">Everyone</h2>
      <p className="text-sm text-slate-600">
        Deletes every stored token, ends every browser session and revokes every
        refresh token at Zoho.
      </p>
      {confirming ? (
        <form action={submit} className="flex flex-col gap-3">
          <p role="alert" className="text-sm font-semibold text-red-900">
            This logs out every user, including you ({props.admin}): you will
            have to sign in again.
          </p>
          <div className="flex gap-2">
            <button
              type="submit"
              disabled={pending}
              className="rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60"
            >
              Confirm log out everyone
            </button>
            <button
              type="button"
              onClick={() => setConfirming(false)}
              className="rounded-md px-4 py-2 text-sm hover:bg-slate-100"
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          onClick={() => setConfirming(true)}
          className="self-start rounded-md border border-red-300 px-4 py-2 text-sm font-semibold text-red-800 hover:bg-red-50"
        >
          Log out everyone
        </button>
      )}
      <ActionMessage message={message} />
    </section>
  );
}
