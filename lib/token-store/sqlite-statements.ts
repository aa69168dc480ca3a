/**
 * Every statement of the SQLite backend, written with drizzle and prepared
 * once per store. Values travel only as bound parameters. Lookups by token
 * value compare digests under every configured key version (one IN list),
 * so rows written before a key rotation are still found.
 */
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "../../db/schema";

const t = schema.oauthTokens;
const p = (name: string) => sql.placeholder(name);
/** A placeholder typed as SQL, which UPDATE ... SET accepts. */
const ps = (name: string) => sql`${sql.placeholder(name)}`;

/** The columns read back: no digests (never needed), no lease. */
const readColumns = {
  id: t.id,
  userName: t.userName,
  clientId: t.clientId,
  secrets: t.secrets,
  expiryTime: t.expiryTime,
  redirectUrl: t.redirectUrl,
  apiDomain: t.apiDomain,
  accountsServer: t.accountsServer,
  createdAt: t.createdAt,
  updatedAt: t.updatedAt,
};

/** The columns every insert and update writes. */
const WRITE_COLUMNS = [
  ...(Object.keys(readColumns) as Array<keyof typeof readColumns>),
  "accessDigest",
  "refreshDigest",
  "grantDigest",
] as const;

/** Placeholder names d0..dN-1 for the digests under N key versions. */
export function digestNames(versions: number): string[] {
  return Array.from({ length: versions }, (_, i) => `d${i}`);
}

/** The prepared statements of one store. */
export function prepareStatements(
  db: BetterSQLite3Database<typeof schema>,
  versions: number,
) {
  const digests = digestNames(versions).map(p);
  const select = () => db.select(readColumns).from(t);
  const row = Object.fromEntries(
    WRITE_COLUMNS.map((key) => [key, ps(key)]),
  ) as Record<(typeof WRITE_COLUMNS)[number], ReturnType<typeof ps>>;

  return {
    byId: select()
      .where(eq(t.id, p("id")))
      .prepare(),
    byUser: select()
      .where(and(eq(t.userName, p("userName")), eq(t.clientId, p("clientId"))))
      .prepare(),
    byAccess: select()
      .where(inArray(t.accessDigest, digests))
      .limit(1)
      .prepare(),
    byGrant: select()
      .where(
        and(eq(t.clientId, p("clientId")), inArray(t.grantDigest, digests)),
      )
      .limit(1)
      .prepare(),
    byRefresh: select()
      .where(
        and(eq(t.clientId, p("clientId")), inArray(t.refreshDigest, digests)),
      )
      .limit(1)
      .prepare(),
    all: select().orderBy(t.createdAt, t.id).prepare(),
    insert: db.insert(t).values(row).prepare(),
    update: db
      .update(t)
      .set(row)
      .where(eq(t.id, p("id")))
      .prepare(),
    remove: db
      .delete(t)
      .where(eq(t.id, p("id")))
      .prepare(),
    removeAll: db.delete(t).prepare(),
    ...leaseStatements(db),
  };
}

function leaseStatements(db: BetterSQLite3Database<typeof schema>) {
  // One conditional UPDATE: free, expired, or already ours. The row count
  // tells the caller whether it now holds the lease.
  const free = or(
    isNull(t.leaseUntil),
    lt(t.leaseUntil, p("now")),
    eq(t.leaseOwner, p("owner")),
  );
  return {
    tryLease: db
      .update(t)
      .set({ leaseOwner: ps("owner"), leaseUntil: ps("until") })
      .where(and(eq(t.id, p("id")), free))
      .prepare(),
    releaseLease: db
      .update(t)
      .set({ leaseOwner: null, leaseUntil: null })
      .where(and(eq(t.id, p("id")), eq(t.leaseOwner, p("owner"))))
      .prepare(),
  };
}

/** The statements' type, for the backend. */
export type Statements = ReturnType<typeof prepareStatements>;
