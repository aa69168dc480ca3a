import { portalConfig } from "@/lib/auth/config";

/** Shown on every page while the portal runs on the bundled emulator. */
export function DemoBanner() {
  if (!portalConfig().demo) return null;
  return (
    <div
      role="status"
      className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-900"
    >
      Demo mode: the data you see comes from the bundled Zoho emulator, not from
      a real Zoho account.
    </div>
  );
}
