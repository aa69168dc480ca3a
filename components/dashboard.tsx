import Link from "next/link";

import type { PortalSession } from "@/lib/auth/sessions";
import { loadCounts, loadProfile } from "@/lib/portal/dashboard";
import { isZohoError } from "@/lib/zoho/errors";

import { ZohoErrorPanel } from "./zoho-error-panel";

/** The user's CRM profile: name, email, role, profile, data centre. */
export async function ProfileCard({ session }: { session: PortalSession }) {
  let profile;
  try {
    profile = await loadProfile(session);
  } catch (error) {
    if (isZohoError(error)) return <ZohoErrorPanel code={error.code} />;
    throw error;
  }
  const rows = [
    ["Email", profile.email],
    ["Role", profile.role],
    ["Profile", profile.profile],
    ["Data centre", profile.dataCentre],
  ];
  return (
    <section
      aria-labelledby="profile-heading"
      className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
    >
      <h2 id="profile-heading" className="text-xl font-semibold" dir="auto">
        {profile.fullName}
      </h2>
      <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
        {rows.map(([label, value]) => (
          <div key={label} className="flex gap-2">
            <dt className="text-slate-500">{label}:</dt>
            <dd className="font-medium">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** One tile per module with the number of records the user may see. */
export async function ModuleCounts({ session }: { session: PortalSession }) {
  let counts;
  try {
    counts = await loadCounts(session);
  } catch (error) {
    if (isZohoError(error)) return <ZohoErrorPanel code={error.code} />;
    throw error;
  }
  return (
    <section aria-label="Your records">
      <ul className="grid grid-cols-1 gap-4 sm:grid-cols-3">
        {counts.map(({ module, count }) => (
          <li key={module.slug}>
            <Link
              href={`/${module.slug}`}
              className="hover:border-brand-600 block rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
            >
              <span className="block text-sm text-slate-500">
                {module.title}
              </span>
              <span className="text-brand-900 text-3xl font-bold">{count}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
