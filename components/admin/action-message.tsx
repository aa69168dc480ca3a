import type { AdminMessage } from "@/lib/admin";

const TONES = {
  ok: "border-emerald-300 bg-emerald-50 text-emerald-900",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
  error: "border-red-300 bg-red-50 text-red-900",
};

/** The outcome of the latest action, announced to screen readers. */
export function ActionMessage({ message }: { message: AdminMessage | null }) {
  if (!message) return null;
  return (
    <p
      role={message.tone === "ok" ? "status" : "alert"}
      className={`rounded-lg border px-4 py-3 text-sm ${TONES[message.tone]}`}
    >
      {message.text}
    </p>
  );
}
