import { redirect } from "next/navigation";

import { SignInButton } from "@/components/sign-in-button";
import { readSession } from "@/lib/auth/current";

const ENDED_MESSAGES: Record<string, string> = {
  admin: "An administrator ended your session. Sign in again to continue.",
  zoho_ended:
    "Your Zoho session ended (access was revoked or expired at Zoho). Sign in again to continue.",
  signed_out: "You are signed out.",
  expired: "Your session expired. Sign in again to continue.",
};

export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<{ ended?: string }>;
}) {
  const session = await readSession();
  if (session.state === "active") redirect("/dashboard");
  const { ended } = await searchParams;
  const notice =
    ended && Object.hasOwn(ENDED_MESSAGES, ended)
      ? ENDED_MESSAGES[ended]
      : undefined;

  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-8 px-6 py-16">
      <header className="flex flex-col gap-3">
        <p className="text-brand-600 text-sm font-semibold tracking-wide uppercase">
          Zylker Academy
        </p>
        <h1 className="text-brand-900 text-3xl font-bold sm:text-4xl">
          Your academy records, straight from Zoho CRM
        </h1>
        <p className="text-lg text-slate-600">
          Students see their enrolments and enquiries; coordinators and advisors
          see the records their Zoho CRM profile allows. Sign in with your own
          Zoho account: the portal never asks for your password.
        </p>
      </header>
      {notice && (
        <p
          role="alert"
          className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900"
        >
          {notice}
        </p>
      )}
      <div>
        <SignInButton />
      </div>
    </main>
  );
}
