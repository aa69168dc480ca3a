/** A plain GET form: works without JavaScript, keeps the URL shareable. */
export function SearchForm({ slug, value }: { slug: string; value: string }) {
  return (
    <form role="search" action={`/${slug}`} className="flex gap-2">
      <label htmlFor="q" className="sr-only">
        Search
      </label>
      <input
        id="q"
        name="q"
        type="search"
        defaultValue={value}
        maxLength={100}
        placeholder="Search by name or email"
        className="w-56 rounded-md border border-slate-300 px-3 py-2 text-sm sm:w-72"
      />
      <button
        type="submit"
        className="bg-brand-600 hover:bg-brand-700 rounded-md px-4 py-2 text-sm font-semibold text-white"
      >
        Search
      </button>
    </form>
  );
}
