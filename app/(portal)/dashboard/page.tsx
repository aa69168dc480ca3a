import { Suspense } from "react";

import { DashboardOverview } from "@/components/dashboard";
import { Skeleton } from "@/components/skeleton";
import { requireSession } from "@/lib/auth/current";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const session = await requireSession();
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-brand-900 text-2xl font-bold">Dashboard</h1>
      <Suspense fallback={<Skeleton className="h-72 w-full" />}>
        <DashboardOverview session={session} />
      </Suspense>
    </div>
  );
}
