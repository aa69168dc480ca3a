import Link from "next/link";
import { notFound } from "next/navigation";

import { ZohoErrorPanel } from "@/components/zoho-error-panel";
import type { PortalSession } from "@/lib/auth/sessions";
import { loadRecord } from "@/lib/portal/records";
import { isZohoError } from "@/lib/zoho/errors";
import type { PortalModule } from "@/lib/zoho/modules";

/** Every detail field of one record. */
export async function RecordDetail(props: {
  session: PortalSession;
  module: PortalModule;
  id: string;
}) {
  const { module } = props;
  let record;
  try {
    record = await loadRecord(props.session, module, props.id);
  } catch (error) {
    if (isZohoError(error)) return <ZohoErrorPanel code={error.code} />;
    throw error;
  }
  if (!record) notFound();

  const title = record.values[module.columns[0]!.field] || module.singular;
  return (
    <article className="flex flex-col gap-6">
      <Link
        href={`/${module.slug}`}
        className="text-brand-700 text-sm hover:underline"
      >
        ← {module.title}
      </Link>
      <h1 className="text-brand-900 text-2xl font-bold" dir="auto">
        {title}
      </h1>
      <dl className="grid grid-cols-1 gap-x-8 gap-y-3 rounded-xl border border-slate-200 bg-white p-6 sm:grid-cols-2">
        {module.detailFields.map((field) => (
          <div key={field}>
            <dt className="text-xs tracking-wide text-slate-500 uppercase">
              {field.replaceAll("_", " ")}
            </dt>
            <dd className="mt-0.5 break-words" dir="auto">
              {record.values[field] || "—"}
            </dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
