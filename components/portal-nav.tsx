import Link from "next/link";

import { SignOutButton } from "@/components/sign-out-button";
import { PORTAL_MODULES } from "@/lib/zoho/modules";

/** Top navigation of the signed-in portal; wraps on a phone. */
export function PortalNav({
  userName,
  isAdmin = false,
}: {
  userName: string;
  isAdmin?: boolean;
}) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-6xl flex-wrap items-center gap-2 px-4 py-3 sm:px-6"
      >
        <Link href="/dashboard" className="text-brand-900 mr-4 font-bold">
          Zylker Academy
        </Link>
        <ul className="flex flex-wrap gap-1">
          {PORTAL_MODULES.map((m) => (
            <li key={m.slug}>
              <Link
                href={`/${m.slug}`}
                className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
              >
                {m.title}
              </Link>
            </li>
          ))}
          {isAdmin && (
            <li>
              <Link
                href="/admin"
                className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
              >
                Admin
              </Link>
            </li>
          )}
        </ul>
        <div className="ml-auto flex items-center gap-2">
          <span className="hidden text-sm text-slate-500 sm:inline">
            {userName}
          </span>
          <SignOutButton />
        </div>
      </nav>
    </header>
  );
}
