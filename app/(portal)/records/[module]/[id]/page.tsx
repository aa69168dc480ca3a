import { notFound } from "next/navigation";
import { Suspense } from "react";

import { RecordDetail } from "@/components/records/record-detail";
import { Skeleton } from "@/components/skeleton";
import { requireSession } from "@/lib/auth/current";
import { findModule } from "@/lib/zoho/modules";

type Params = Promise<{ module: string; id: string }>;

export async function generateMetadata(props: { params: Params }) {
  const { module: slug } = await props.params;
  return { title: findModule(slug)?.singular ?? "Record" };
}

export default async function RecordPage(props: { params: Params }) {
  const { module: slug, id } = await props.params;
  const module = findModule(slug);
  if (!module) notFound();
  const session = await requireSession();

  return (
    <Suspense fallback={<Skeleton className="h-96 w-full" />}>
      <RecordDetail session={session} module={module} id={id} />
    </Suspense>
  );
}
