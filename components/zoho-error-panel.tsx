import type { ZohoErrorCode } from "@/lib/zoho/errors";

const MESSAGES: Partial<Record<ZohoErrorCode, string>> = {
  ZOHO_NO_PERMISSION:
    "Your Zoho CRM profile does not allow the portal to read these records. Ask the academy coordinator for access.",
  ZOHO_SCOPE_MISMATCH:
    "The portal's access to Zoho does not cover these records. Sign out and sign in again.",
  ZOHO_RATE_LIMITED:
    "Zoho is receiving too many requests right now. Try again in a minute.",
  ZOHO_THROTTLED:
    "Zoho is receiving too many requests right now. Try again in a minute.",
};

const FALLBACK =
  "Zoho CRM could not be reached or gave an answer the portal did not understand. Try again in a moment.";

/** Explains a failed CRM call. It never looks like an empty result. */
export function ZohoErrorPanel({ code }: { code: ZohoErrorCode }) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-red-900"
    >
      <p className="font-semibold">Your records could not be loaded.</p>
      <p className="mt-1">{MESSAGES[code] ?? FALLBACK}</p>
      <p className="mt-1 text-xs text-red-700">Reference: {code}</p>
    </div>
  );
}
