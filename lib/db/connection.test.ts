import { join, relative } from "node:path";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { removeTempDirs, tempDir } from "../token-store/testing/backends";
import { runChild } from "../token-store/testing/child";
import { closeDatabase, DatabaseError, openDatabase } from "./connection";
import { migrationsFolder } from "./migrator";

afterAll(removeTempDirs);

/** How many migrations db/migrations holds: each must apply exactly once. */
const MIGRATIONS = readMigrationFiles({
  migrationsFolder: migrationsFolder(),
}).length;

const migrationCount = (path: string) =>
  openDatabase(path)
    .sqlite.prepare("SELECT count(*) AS n FROM __drizzle_migrations")
    .get() as { n: number };

describe("openDatabase", () => {
  it("returns one connection per file, however the path is spelled", () => {
    const path = join(tempDir(), "portal.db");

    const first = openDatabase(path);
    const second = openDatabase(relative(process.cwd(), path));

    expect(second).toBe(first);
    closeDatabase(path);
    expect(openDatabase(path)).not.toBe(first);
    closeDatabase(path);
  });

  it("configures WAL, a busy timeout and foreign keys", () => {
    const path = join(tempDir(), "portal.db");

    const { sqlite } = openDatabase(path);

    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    closeDatabase(path);
  });

  it("creates every table of db/schema.ts, once, however often it opens", () => {
    const path = join(tempDir(), "portal.db");

    openDatabase(path);
    closeDatabase(path);
    const { sqlite } = openDatabase(path);

    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining([
        "oauth_tokens",
        "portal_sessions",
        "audit_events",
      ]),
    );
    expect(migrationCount(path).n).toBe(MIGRATIONS);
    closeDatabase(path);
  });

  it("migrates a fresh file once when processes open it together", async () => {
    const path = join(tempDir(), "portal.db");

    await Promise.all([1, 2, 3, 4].map(() => runChild("read-all.ts", [path])));

    expect(migrationCount(path).n).toBe(MIGRATIONS);
    closeDatabase(path);
  });

  it("names the path when its folder is missing", () => {
    const path = join(tempDir(), "nope", "portal.db");

    const open = () => openDatabase(path);

    expect(open).toThrow(DatabaseError);
    expect(open).toThrow(path);
  });

  it("does not throw when closing a path that is not open", () => {
    expect(() => closeDatabase(join(tempDir(), "never.db"))).not.toThrow();
  });
});
