/**
 * Formatting shared by the console's server and client components: the
 * same output on both sides (UTC, no locale), so hydration never differs.
 */
import type { AdminMessage } from "@/lib/admin";

/** A server action of the console, as useActionState calls it. */
export type AdminAction = (
  previous: AdminMessage | null,
  form: FormData,
) => Promise<AdminMessage>;

/** Epoch milliseconds as "2025-05-01 09:30 UTC"; "—" when unknown. */
export function formatTime(ms: number | null): string {
  if (ms === null) return "—";
  return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
