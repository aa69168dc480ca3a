import Link from "next/link";

/** Previous / next links over Zoho's page and more_records. */
export function Pager(props: {
  slug: string;
  page: number;
  more: boolean;
  search?: string;
}) {
  const href = (page: number) => {
    const query = new URLSearchParams({ page: String(page) });
    if (props.search) query.set("q", props.search);
    return `/${props.slug}?${query}`;
  };
  const link =
    "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100";
  return (
    <nav aria-label="Pages" className="flex items-center gap-3">
      {props.page > 1 && (
        <Link href={href(props.page - 1)} className={link} rel="prev">
          Previous
        </Link>
      )}
      <span className="text-sm text-slate-600">Page {props.page}</span>
      {props.more && (
        <Link href={href(props.page + 1)} className={link} rel="next">
          Next
        </Link>
      )}
    </nav>
  );
}
