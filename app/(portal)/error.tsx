"use client";

/** Last resort for an unexpected failure: a plain message and a retry. */
export default function PortalError({ reset }: { reset: () => void }) {
  return (
    <div
      role="alert"
      className="flex flex-col gap-4 rounded-lg border border-red-200 bg-red-50 p-6 text-red-900"
    >
      <p className="font-semibold">
        Something went wrong while loading this page.
      </p>
      <button
        type="button"
        onClick={reset}
        className="self-start rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white"
      >
        Try again
      </button>
    </div>
  );
}
