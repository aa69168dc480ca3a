import { SignInButton } from "@/components/sign-in-button";

export const metadata = { title: "Consent needed" };

export default function ConsentPage() {
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-6 px-6 py-16">
      <h1 className="text-brand-900 text-2xl font-bold">
        One more step at Zoho
      </h1>
      <p className="text-lg text-slate-700">
        Zoho did not give the portal lasting access this time. Continue, and
        Zoho will ask you once more to allow the portal to read your records.
      </p>
      <div>
        <SignInButton consent />
      </div>
    </main>
  );
}
