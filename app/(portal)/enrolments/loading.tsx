import { TableSkeleton } from "@/components/skeleton";

export default function Loading() {
  return <TableSkeleton />;
}
