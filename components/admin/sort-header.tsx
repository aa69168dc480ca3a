import Link from "next/link";

import type { SortKey, TokenQuery } from "@/lib/admin";

/** The /admin URL for `query` with `changes` applied. */
export function adminHref(
  query: TokenQuery,
  changes: Record<string, string | undefined> = {},
): string {
  const params = new URLSearchParams();
  const all = { ...query, ...changes };
  for (const [key, value] of Object.entries(all)) {
    if (value) params.set(key, String(value));
  }
  return `/admin?${params}`;
}

/** A column header that sorts by `column`, toggling the direction. */
export function SortHeader(props: {
  query: TokenQuery;
  column: SortKey;
  label: string;
}) {
  const { query, column } = props;
  const active = query.sort === column;
  const dir = active && query.dir === "asc" ? "desc" : "asc";
  const sorted = query.dir === "asc" ? "ascending" : "descending";
  return (
    <th
      scope="col"
      aria-sort={active ? sorted : "none"}
      className="px-3 py-3 font-semibold"
    >
      <Link
        href={adminHref(query, { sort: column, dir })}
        className="hover:underline"
      >
        {props.label}
        {active ? (query.dir === "asc" ? " ↑" : " ↓") : ""}
      </Link>
    </th>
  );
}
