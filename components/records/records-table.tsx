import Link from "next/link";

import { ZohoErrorPanel } from "@/components/zoho-error-panel";
import type { PortalSession } from "@/lib/auth/sessions";
import { loadRecordPage } from "@/lib/portal/records";
import { isZohoError } from "@/lib/zoho/errors";
import type { PortalModule } from "@/lib/zoho/modules";
import type { RecordPage } from "@/lib/zoho/records";

import { Pager } from "./pager";

/** The table of one page of records, or an empty state, or an error. */
export async function RecordsTable(props: {
  session: PortalSession;
  module: PortalModule;
  query: { page: number; search?: string };
}) {
  const { module, query } = props;
  let page: RecordPage;
  try {
    page = await loadRecordPage(props.session, module, query);
  } catch (error) {
    if (isZohoError(error)) return <ZohoErrorPanel code={error.code} />;
    throw error;
  }

  if (page.records.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-10 text-center text-slate-600">
        {emptyMessage(module.title.toLowerCase(), query)}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{module.title}</caption>
          <thead className="bg-slate-100 text-slate-600">
            <tr>
              {module.columns.map((c) => (
                <th
                  key={c.field}
                  scope="col"
                  className="px-4 py-3 font-semibold"
                >
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page.records.map((record) => (
              <tr key={record.id} className="border-t border-slate-100">
                {module.columns.map((c, i) => (
                  <td key={c.field} className="px-4 py-3" dir="auto">
                    {i === 0 ? (
                      <Link
                        href={`/records/${module.slug}/${record.id}`}
                        className="text-brand-700 font-medium hover:underline"
                      >
                        {record.values[c.field] || "(untitled)"}
                      </Link>
                    ) : (
                      record.values[c.field]
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        slug={module.slug}
        page={page.page}
        more={page.moreRecords}
        search={query.search}
      />
    </div>
  );
}

/** Zoho's 204: nothing matches, nothing yet, or past the last page. */
function emptyMessage(
  title: string,
  query: { page: number; search?: string },
): string {
  if (query.page > 1) return `No more ${title}: this page is past the end.`;
  if (query.search) return `No ${title} match “${query.search}”.`;
  return `You have no ${title} yet.`;
}
