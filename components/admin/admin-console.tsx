import type { AdminConsoleData } from "@/lib/auth/admin-console";

import { AuditLog } from "./audit-log";
import type { AdminAction } from "./format";
import { LogoutEveryone } from "./logout-everyone";
import { PendingRevocations } from "./pending-revocations";
import { TokenFilter } from "./token-filter";
import { TokenTable } from "./token-table";

/** The admin console: tokens, pending revokes, everyone, audit log. */
export function AdminConsole(props: {
  data: AdminConsoleData;
  actions: {
    logOutUser: AdminAction;
    logOutEveryone: AdminAction;
    retryRevoke: AdminAction;
  };
}) {
  const { data, actions } = props;
  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <h1 className="text-brand-900 text-2xl font-bold">Admin</h1>
        <p className="text-slate-600">
          Every stored Zoho token and browser session. A logout takes effect on
          the user&apos;s next request and revokes the refresh token at Zoho.
        </p>
      </header>
      <section className="flex flex-col gap-3">
        <h2 className="text-brand-900 text-lg font-semibold">Stored tokens</h2>
        <TokenFilter query={data.query} dataCentres={data.dataCentres} />
        <TokenTable
          rows={data.tokens}
          query={data.query}
          logOut={actions.logOutUser}
        />
      </section>
      <PendingRevocations rows={data.pending} retry={actions.retryRevoke} />
      <LogoutEveryone
        admin={data.admin}
        logOutEveryone={actions.logOutEveryone}
      />
      <AuditLog audit={data.audit} query={data.query} />
    </div>
  );
}
