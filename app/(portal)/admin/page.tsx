import { AdminConsole } from "@/components/admin/admin-console";
import { requireAdmin } from "@/lib/auth/admin";
import { loadAdminConsole } from "@/lib/auth/admin-console";

import { logOutEveryone, logOutUser, retryRevoke } from "./actions";

export const metadata = { title: "Admin" };

type Params = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminPage(props: { searchParams: Params }) {
  // Before anything streams, so a non-admin gets a real 403.
  const admin = await requireAdmin("open /admin");
  const data = await loadAdminConsole(admin, await props.searchParams);

  return (
    <AdminConsole
      data={data}
      actions={{ logOutUser, logOutEveryone, retryRevoke }}
    />
  );
}
