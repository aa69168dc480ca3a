import { notFound } from "next/navigation";
import { Suspense } from "react";

import { TableSkeleton } from "@/components/skeleton";
import { requireSession } from "@/lib/auth/current";
import { parseListQuery } from "@/lib/portal/records";
import { findModule } from "@/lib/zoho/modules";

import { RecordsTable } from "./records-table";
import { SearchForm } from "./search-form";

export type ListSearchParams = Promise<{ page?: string; q?: string }>;

/** A module's records: search box, table, pager. */
export async function RecordsPage(props: {
  slug: string;
  searchParams: ListSearchParams;
}) {
  const module = findModule(props.slug);
  if (!module) notFound();
  const session = await requireSession();
  const raw = await props.searchParams;
  const query = parseListQuery(raw);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-brand-900 text-2xl font-bold">{module.title}</h1>
        <SearchForm slug={module.slug} value={raw.q ?? ""} />
      </div>
      {query.searchTooShort && (
        <p role="status" className="text-sm text-slate-600">
          Type at least 2 characters to search. Showing every record.
        </p>
      )}
      <Suspense
        key={`${query.page}:${query.search ?? ""}`}
        fallback={<TableSkeleton />}
      >
        <RecordsTable session={session} module={module} query={query} />
      </Suspense>
    </div>
  );
}
