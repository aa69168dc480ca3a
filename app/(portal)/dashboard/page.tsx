import { Suspense } from "react";

import { ModuleCounts, ProfileCard } from "@/components/dashboard";
import { Skeleton } from "@/components/skeleton";
import { requireSession } from "@/lib/auth/current";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const session = await requireSession();
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-brand-900 text-2xl font-bold">Dashboard</h1>
      <Suspense fallback={<Skeleton className="h-40 w-full" />}>
        <ProfileCard session={session} />
      </Suspense>
      <Suspense fallback={<Skeleton className="h-28 w-full" />}>
        <ModuleCounts session={session} />
      </Suspense>
    </div>
  );
}
