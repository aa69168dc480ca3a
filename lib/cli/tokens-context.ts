/**
 * Opens what `npm run tokens` works on: the portal's database (which must
 * already exist), its token store and key ring, the data centres. Acts as
 * "cli" in the audit trail. Never imports the web app's server-only code.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import type { AdminDeps } from "@/lib/admin";
import { closeDatabase, openDatabase } from "@/lib/db/connection";
import { cliEnv, type CliEnv } from "@/lib/env";
import { createSqliteTokenStore, loadKeyRing } from "@/lib/token-store";
import { DataCentres } from "@/lib/zoho/data-centres";
import { revokeRefreshToken } from "@/lib/zoho/oauth";

import { DEMO_DATA_CENTRES_FILE } from "./demo-files";
import { CliFailure } from "./tokens-exit";

/** The dependencies of lib/admin for one CLI run, and how to close them. */
export interface CliContext {
  deps: AdminDeps;
  dbPath: string;
  close(): void;
}

/**
 * Opens the database at `--db` or DATABASE_PATH. The key comes from
 * TOKEN_STORE_KEYS, else from the demo key file next to the database when
 * that file exists; the emulated data centres likewise come from
 * ZOHO_EXTRA_DATA_CENTRES, else from the demo's `demo-data-centres` file.
 * @throws CliFailure UNAVAILABLE naming the path or the missing key.
 */
export function openCliContext(env: CliEnv, dbOption?: string): CliContext {
  const dbPath = path.resolve(dbOption ?? env.DATABASE_PATH);
  if (!existsSync(dbPath)) {
    throw new CliFailure(
      "UNAVAILABLE",
      `Database ${dbPath} does not exist. Set DATABASE_PATH or pass --db.`,
    );
  }

  try {
    const keyRing = loadKeyRing({
      value: env.TOKEN_STORE_KEYS,
      demoKeyFile: demoKeyFileNear(dbPath),
    });
    const store = createSqliteTokenStore({
      path: dbPath,
      encryptionKey: keyRing,
    });
    const deps: AdminDeps = {
      store,
      db: openDatabase(dbPath).db,
      keyRing,
      dataCentres: new DataCentres(dataCentresFor(env, dbPath)),
      revoke: revokeRefreshToken,
      actor: "cli",
    };
    return { deps, dbPath, close: () => closeDatabase(dbPath) };
  } catch (error) {
    throw new CliFailure("UNAVAILABLE", (error as Error).message);
  }
}

/** The demo key file beside the database, only when it exists. */
function demoKeyFileNear(dbPath: string): string | undefined {
  const file = path.join(path.dirname(dbPath), "token-store.key");
  return existsSync(file) ? file : undefined;
}

/** Configured extra data centres, else those the demo wrote beside the DB. */
function dataCentresFor(env: CliEnv, dbPath: string) {
  if (env.ZOHO_EXTRA_DATA_CENTRES.length > 0) {
    return env.ZOHO_EXTRA_DATA_CENTRES;
  }
  const file = path.join(path.dirname(dbPath), DEMO_DATA_CENTRES_FILE);
  if (!existsSync(file)) return [];
  const value = readFileSync(file, "utf8").trim();
  return cliEnv({ ZOHO_EXTRA_DATA_CENTRES: value }).ZOHO_EXTRA_DATA_CENTRES;
}
