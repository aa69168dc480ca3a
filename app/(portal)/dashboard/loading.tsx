import { Skeleton } from "@/components/skeleton";

export default function Loading() {
  return <Skeleton className="h-64 w-full" />;
}
