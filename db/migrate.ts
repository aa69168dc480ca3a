/**
 * `npm run db:migrate [path]`: creates the database file (and its folder,
 * 0700) if needed and applies every pending migration of db/migrations.
 * The path comes from the argument, else DATABASE_PATH, else
 * ./data/portal.db. Stores apply the same migrations when they open; this
 * command is for deploy scripts that want the schema ready beforehand.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { closeDatabase, openDatabase } from "../lib/db/connection";
import { launcherEnv } from "../lib/env";

const path = resolve(process.argv[2] ?? launcherEnv().DATABASE_PATH);

try {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const { sqlite } = openDatabase(path);
  const applied = sqlite
    .prepare("SELECT count(*) FROM __drizzle_migrations")
    .pluck()
    .get();
  closeDatabase(path);
  console.log(`${path}: schema up to date (${applied} migrations applied)`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
