import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 px-6 py-16">
      <h1 className="text-brand-900 text-2xl font-bold">Not found</h1>
      <p>This page or record does not exist, or you may not see it.</p>
      <Link href="/dashboard" className="text-brand-700 hover:underline">
        Back to the dashboard
      </Link>
    </div>
  );
}
