/**
 * The per-process SQLite connection: one better-sqlite3 handle per database
 * file, opened on first use (never at import time, so `next build` can
 * import any module), migrated before it is handed out. The token store and
 * the session and audit code share it.
 */
import { accessSync, constants, existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import {
  drizzle,
  type BetterSQLite3Database,
} from "drizzle-orm/better-sqlite3";
import * as schema from "../../db/schema";
import { applyMigrations } from "./migrator";

/** An open database: the raw handle and its drizzle wrapper. */
export interface Database {
  sqlite: BetterSqlite3.Database;
  db: BetterSQLite3Database<typeof schema>;
}

/** Why a database could not be opened. */
export type DatabaseErrorCode = "DATABASE_UNAVAILABLE" | "MIGRATION_FAILED";

/** Raised by `openDatabase`; the message names the path, never data. */
export class DatabaseError extends Error {
  constructor(
    readonly code: DatabaseErrorCode,
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DatabaseError";
  }
}

const open = new Map<string, Database>();

/** The cache key: ':memory:' as is, anything else as an absolute path. */
function keyOf(path: string): string {
  return path === ":memory:" ? path : resolve(path);
}

/**
 * The connection for `path`, opened, configured (WAL, busy timeout of 5 s,
 * synchronous=NORMAL, foreign keys, 64 MiB cache) and migrated on first
 * call; the same object afterwards. The file is created when its folder
 * exists.
 * @throws DatabaseError DATABASE_UNAVAILABLE when the folder is missing or
 *   the file or folder is not writable; MIGRATION_FAILED when a migration
 *   fails.
 */
export function openDatabase(path: string): Database {
  const key = keyOf(path);
  const cached = open.get(key);
  if (cached) return cached;

  if (key !== ":memory:") checkWritable(key);
  const sqlite = connect(key);

  const database = { sqlite, db: drizzle(sqlite, { schema }) };
  open.set(key, database);
  return database;
}

/** Closes the connection for `path`, if open. Safe to call twice. */
export function closeDatabase(path: string): void {
  const key = keyOf(path);
  const database = open.get(key);
  open.delete(key);
  database?.sqlite.close();
}

/** Fails early, naming the path, when SQLite could not write there. */
function checkWritable(file: string): void {
  const folder = dirname(file);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw unavailable(file, `its folder ${folder} does not exist`);
  }
  // The folder must be writable too: WAL and -shm files live beside the file.
  const target = existsSync(file) ? [file, folder] : [folder];
  for (const item of target) {
    try {
      accessSync(item, constants.R_OK | constants.W_OK);
    } catch (cause) {
      throw unavailable(file, `${item} is not writable`, cause);
    }
  }
}

/** Opens, configures and migrates one handle. */
function connect(file: string): BetterSqlite3.Database {
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(file, { timeout: 5000 });
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("foreign_keys = ON");
    // 64 MiB page cache (a ceiling, not an allocation): keeps the token
    // indexes of ~100k users in memory; the default 2 MiB does not.
    sqlite.pragma("cache_size = -65536");
  } catch (cause) {
    throw unavailable(file, "SQLite could not open it", cause);
  }

  try {
    applyMigrations(sqlite);
  } catch (cause) {
    sqlite.close();
    throw new DatabaseError(
      "MIGRATION_FAILED",
      file,
      `Database ${file}: applying migrations failed`,
      { cause },
    );
  }
  return sqlite;
}

function unavailable(file: string, why: string, cause?: unknown) {
  return new DatabaseError(
    "DATABASE_UNAVAILABLE",
    file,
    `Database ${file} is unavailable: ${why}`,
    { cause },
  );
}
