/**
 * The SQLite backend: better-sqlite3 through drizzle, on the shared
 * per-process connection of lib/db/connection.ts (WAL, busy timeout,
 * migrations applied on open). Secrets are sealed at rest (sqlite-rows.ts).
 */
import { closeDatabase, DatabaseError, openDatabase } from "../db/connection";
import { createStore, type SyncBackend } from "./core";
import { tokenDigests, type DigestKind } from "./crypto";
import { TokenStoreError } from "./errors";
import { keyMissing, parseKeyRing, type KeyRing } from "./key-ring";
import {
  digestNames,
  prepareStatements,
  type Statements,
} from "./sqlite-statements";
import { fromRow, toRow, type ReadRow } from "./sqlite-rows";
import type { PortalTokenStore } from "./types";

/** Where the store lives and how it seals. */
export interface SqliteTokenStoreOptions {
  /** The database file; its folder must exist and be writable. */
  path: string;
  /** A KeyRing from loadKeyRing, or a TOKEN_STORE_KEYS-format string. */
  encryptionKey: KeyRing | string | undefined;
}

function keyRingOf(key: KeyRing | string | undefined): KeyRing {
  if (key === undefined || key === "") throw keyMissing();
  return typeof key === "string" ? parseKeyRing(key) : key;
}

/** Opens the shared connection, mapping its errors to the store's. */
function open(path: string) {
  try {
    return openDatabase(path);
  } catch (error) {
    if (!(error instanceof DatabaseError)) throw error;
    const code =
      error.code === "DATABASE_UNAVAILABLE"
        ? "DATABASE_UNAVAILABLE"
        : "STORE_FAILURE";
    throw new TokenStoreError(code, error.message, { cause: error });
  }
}

const UNIQUE = new Set([
  "SQLITE_CONSTRAINT_UNIQUE",
  "SQLITE_CONSTRAINT_PRIMARYKEY",
]);

/** A unique-index violation is the one write error a caller can act on. */
function asConflict(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== "string" || !UNIQUE.has(code)) return error;
  return new TokenStoreError(
    "IDENTITY_CONFLICT",
    "Not saved: another token already has this id, or this user and client.",
    { cause: error },
  );
}

function sqliteBackend(
  path: string,
  ring: KeyRing,
  sqlite: ReturnType<typeof openDatabase>["sqlite"],
  s: Statements,
): SyncBackend {
  const read = (row: ReadRow | undefined) => (row ? fromRow(ring, row) : null);
  const digests = (kind: DigestKind, value: string) => {
    const list = tokenDigests(ring, kind, value);
    return Object.fromEntries(
      digestNames(list.length).map((n, i) => [n, list[i]]),
    );
  };
  const write = (
    statement: { run(v: Record<string, unknown>): unknown },
    v: Record<string, unknown>,
  ) => {
    try {
      statement.run(v);
    } catch (error) {
      throw asConflict(error);
    }
  };

  return {
    transaction: (fn) => sqlite.transaction(fn).immediate(),
    byId: (id) => read(s.byId.get({ id })),
    byUser: (userName, clientId) => read(s.byUser.get({ userName, clientId })),
    byAccess: (token) => read(s.byAccess.get(digests("access", token))),
    byGrant: (clientId, token) =>
      read(s.byGrant.get({ clientId, ...digests("grant", token) })),
    byRefresh: (clientId, token) =>
      read(s.byRefresh.get({ clientId, ...digests("refresh", token) })),
    insert: (token) => write(s.insert, toRow(ring, token)),
    update: (token) => write(s.update, toRow(ring, token)),
    remove: (id) => void s.remove.run({ id }),
    all: () => s.all.all().map((row) => fromRow(ring, row)),
    removeAll: () => void s.removeAll.run(),
    tryLease: (id, owner, until, now) =>
      s.tryLease.run({ id, owner, until, now }).changes === 1,
    releaseLease: (id, owner) => void s.releaseLease.run({ id, owner }),
    close: () => closeDatabase(path),
  };
}

/**
 * A PortalTokenStore in the SQLite file at `path`, opened now (migrated if
 * needed) on the process's shared connection for that file. `close()`
 * closes that shared connection.
 * @throws TokenStoreError KEY_MISSING / KEY_INVALID for the key,
 *   DATABASE_UNAVAILABLE naming the path when it cannot be opened.
 */
export function createSqliteTokenStore(
  options: SqliteTokenStoreOptions,
): PortalTokenStore {
  const ring = keyRingOf(options.encryptionKey);
  const { sqlite, db } = open(options.path);

  const statements = prepareStatements(db, ring.versions.length);
  return createStore(sqliteBackend(options.path, ring, sqlite, statements));
}
