import type { TokenQuery } from "@/lib/admin";

/** Filters the token table by a GET form: email text and data centre. */
export function TokenFilter(props: {
  query: TokenQuery;
  dataCentres: { location: string; label: string }[];
}) {
  const { query } = props;
  const input = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
  return (
    <form method="get" className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <label className="flex flex-col gap-1 text-sm">
        Email contains
        <input name="user" defaultValue={query.user ?? ""} className={input} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Data centre
        <select name="dc" defaultValue={query.dc ?? ""} className={input}>
          <option value="">All</option>
          {props.dataCentres.map((d) => (
            <option key={d.location} value={d.location}>
              {d.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        className="bg-brand-600 hover:bg-brand-700 rounded-md px-4 py-2 text-sm font-semibold text-white"
      >
        Filter
      </button>
    </form>
  );
}
