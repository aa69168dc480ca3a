"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

/** Starts "Login with Zoho"; `consent` asks Zoho to show consent again. */
export function SignInButton({ consent = false }: { consent?: boolean }) {
  const [busy, setBusy] = useState(false);
  const start = () => {
    setBusy(true);
    const params = consent ? { prompt: "consent" } : undefined;
    void signIn("zoho", { callbackUrl: "/dashboard" }, params);
  };
  return (
    <button
      type="button"
      onClick={start}
      disabled={busy}
      className="bg-brand-600 hover:bg-brand-700 focus-visible:outline-brand-600 rounded-lg px-5 py-3 font-semibold text-white shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-60"
    >
      {busy ? "Opening Zoho…" : "Sign in with Zoho"}
    </button>
  );
}
