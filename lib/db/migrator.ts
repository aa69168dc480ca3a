/**
 * Applies the drizzle-kit migrations of db/migrations to one SQLite
 * connection. Same bookkeeping table as drizzle's own migrator
 * (`__drizzle_migrations`), but the check and the apply run inside one
 * `BEGIN IMMEDIATE` transaction, so processes that open a fresh file at the
 * same moment apply each migration exactly once.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type BetterSqlite3 from "better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";

const TABLE = "__drizzle_migrations";

/**
 * The db/migrations folder: under the working directory when it is the repo
 * root (tsx, vitest, `next start`), else next to this file's repo.
 */
export function migrationsFolder(): string {
  const fromCwd = resolve(process.cwd(), "db", "migrations");
  if (existsSync(join(fromCwd, "meta", "_journal.json"))) return fromCwd;

  const here = dirname(fileURLToPath(import.meta.url));
  return resolve(here, "..", "..", "db", "migrations");
}

/** Applies every pending migration; returns how many it applied. */
export function applyMigrations(
  sqlite: BetterSqlite3.Database,
  folder = migrationsFolder(),
): number {
  const migrations = readMigrationFiles({ migrationsFolder: folder });

  const apply = sqlite.transaction(() => {
    sqlite.exec(
      `CREATE TABLE IF NOT EXISTS "${TABLE}" ` +
        "(id INTEGER PRIMARY KEY, hash text NOT NULL, created_at numeric)",
    );
    const last = sqlite
      .prepare(`SELECT max(created_at) AS at FROM "${TABLE}"`)
      .get() as { at: number | null };
    const pending = migrations.filter(
      (m) => last.at === null || Number(last.at) < m.folderMillis,
    );
    const record = sqlite.prepare(
      `INSERT INTO "${TABLE}" (hash, created_at) VALUES (?, ?)`,
    );
    for (const migration of pending) {
      for (const statement of migration.sql) {
        if (statement.trim()) sqlite.exec(statement);
      }
      record.run(migration.hash, migration.folderMillis);
    }
    return pending.length;
  });

  return apply.immediate();
}
