import Link from "next/link";

import type { PortalSession } from "@/lib/auth/sessions";
import { loadCounts, loadProfile } from "@/lib/portal/dashboard";
import { isZohoError } from "@/lib/zoho/errors";

import { ZohoErrorPanel } from "./zoho-error-panel";

type Profile = Awaited<ReturnType<typeof loadProfile>>;
type Counts = Awaited<ReturnType<typeof loadCounts>>;

/**
 * The user's CRM profile and record counts, loaded together: when Zoho
 * refuses, the user sees one explanation, not one per panel.
 */
export async function DashboardOverview(props: { session: PortalSession }) {
  let profile: Profile;
  let counts: Counts;
  try {
    [profile, counts] = await Promise.all([
      loadProfile(props.session),
      loadCounts(props.session),
    ]);
  } catch (error) {
    if (isZohoError(error)) return <ZohoErrorPanel code={error.code} />;
    throw error;
  }
  return (
    <>
      <ProfileCard profile={profile} />
      <ModuleCounts counts={counts} />
    </>
  );
}

/** Name, email, role, profile and data centre. */
function ProfileCard({ profile }: { profile: Profile }) {
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
function ModuleCounts({ counts }: { counts: Counts }) {
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
