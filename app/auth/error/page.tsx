import Link from "next/link";

import { SIGN_IN_FAILURES, toSignInFailure } from "@/lib/auth/errors";

export const metadata = { title: "Sign-in failed" };

export default async function SignInErrorPage({
  searchParams,
}: {
  searchParams: Promise<{ code?: string }>;
}) {
  const code = toSignInFailure((await searchParams).code);

  return (
    <main className="mx-auto flex max-w-xl flex-col gap-6 px-6 py-16">
      <h1 className="text-brand-900 text-2xl font-bold">Sign-in failed</h1>
      <p role="alert" className="text-lg text-slate-700">
        {SIGN_IN_FAILURES[code]}
      </p>
      <p className="text-sm text-slate-500">Reference: {code}</p>
      <Link
        href="/"
        className="bg-brand-600 hover:bg-brand-700 self-start rounded-lg px-5 py-3 font-semibold text-white"
      >
        Try again
      </Link>
    </main>
  );
}
