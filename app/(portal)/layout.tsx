import { PortalNav } from "@/components/portal-nav";
import { isAdmin } from "@/lib/auth/admin";
import { requireSession } from "@/lib/auth/current";

export default async function PortalLayout({
  children,
}: {
  children: React.ReactNode;
}) {
  const session = await requireSession();
  const admin = await isAdmin(session);
  return (
    <div className="flex min-h-screen flex-col">
      <PortalNav userName={session.userName} isAdmin={admin} />
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
