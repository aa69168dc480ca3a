import Link from "next/link";

import type { TokenQuery } from "@/lib/admin";
import type { listAudit } from "@/lib/audit";

import { formatTime } from "./format";
import { adminHref } from "./sort-header";

type AuditPage = ReturnType<typeof listAudit> & { page: number };

const EVENT_NAMES: Record<string, string> = {
  signed_in: "Signed in",
  sign_in_failed: "Sign-in failed",
  token_refreshed: "Token refreshed",
  refresh_failed: "Refresh failed",
  signed_out: "Signed out",
  logged_out_by_admin: "Logged out by an admin",
  logged_out_everyone: "Everyone logged out",
  admin_refused: "Admin access refused",
  revoke_retried: "Revoke retried",
};

/** The audit trail, newest first, one page at a time (?auditPage=). */
export function AuditLog(props: { audit: AuditPage; query: TokenQuery }) {
  const { audit, query } = props;
  const href = (page: number) => adminHref(query, { auditPage: String(page) });
  const link =
    "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100";

  return (
    <section className="flex flex-col gap-3">
      <h2 className="text-brand-900 text-lg font-semibold">Audit log</h2>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Audit log, newest first</caption>
          <thead className="bg-slate-100 text-slate-600">
            <tr>
              {["When", "Event", "By", "User", "Data centre", "Outcome"].map(
                (h) => (
                  <th key={h} scope="col" className="px-3 py-3 font-semibold">
                    {h}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {audit.entries.map((e) => (
              <tr key={e.id} className="border-t border-slate-100">
                <td className="px-3 py-2 whitespace-nowrap">
                  {formatTime(e.at)}
                </td>
                <td className="px-3 py-2">{EVENT_NAMES[e.event] ?? e.event}</td>
                <td className="px-3 py-2" dir="auto">
                  {e.actor}
                </td>
                <td className="px-3 py-2" dir="auto">
                  {e.subject ?? "—"}
                </td>
                <td className="px-3 py-2">
                  {e.dataCentre?.toUpperCase() ?? "—"}
                </td>
                <td className="px-3 py-2">
                  {e.outcome}
                  {e.detail ? ` (${e.detail})` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Audit pages" className="flex items-center gap-3">
        {audit.page > 1 && (
          <Link href={href(audit.page - 1)} className={link} rel="prev">
            Newer
          </Link>
        )}
        <span className="text-sm text-slate-600">
          Page {audit.page} of {Math.max(1, Math.ceil(audit.total / 25))}
        </span>
        {audit.more && (
          <Link href={href(audit.page + 1)} className={link} rel="next">
            Older
          </Link>
        )}
      </nav>
    </section>
  );
}
