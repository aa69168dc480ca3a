import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-4 px-6 py-16">
      <h1 className="text-brand-900 text-2xl font-bold">Forbidden</h1>
      <p>
        This page is for the portal&apos;s administrators. Your attempt was
        recorded.
      </p>
      <Link href="/dashboard" className="text-brand-700 hover:underline">
        Back to the dashboard
      </Link>
    </main>
  );
}
