/**
 * What a spec knows of the world global-setup built: URLs, the emulator's
 * test controls, and read access to the portal's database.
 */
import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";

import type { EmulatorLogEntry } from "@/emulator";

import {
  createSqliteTokenStore,
  loadKeyRing,
  type OAuthToken,
  type PortalTokenStore,
} from "@/lib/token-store";

const world = JSON.parse(process.env.E2E_WORLD ?? "{}") as {
  dataCentres: Record<string, { accountsUrl: string; apiUrl: string }>;
  env: Record<string, string>;
};

export const portalUrl = process.env.E2E_PORTAL_URL!;
export const controlUrl = process.env.E2E_CONTROL_URL!;
export const dataDir = process.env.E2E_DATA_DIR!;
export const dataCentres = world.dataCentres;
export const portalEnv = world.env;
export const dbPath = path.join(dataDir, "portal.db");

async function control(method: string, route: string, body?: unknown) {
  const res = await fetch(`${controlUrl}/__emulator/${route}`, {
    method,
    headers: body ? { "content-type": "application/json" } : undefined,
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`emulator control ${route}: ${res.status}`);
  return res.json() as Promise<unknown>;
}

export const emulator = {
  async log(): Promise<EmulatorLogEntry[]> {
    const body = (await control("GET", "log")) as {
      entries: EmulatorLogEntry[];
    };
    return body.entries;
  },
  clearLog: () => control("DELETE", "log"),
  advanceClock: (ms: number) => control("POST", "clock", { advanceMs: ms }),
  addFault: (fault: Record<string, unknown>) =>
    control("POST", "faults", fault),
  clearFaults: () => control("DELETE", "faults"),
  async refreshTokens() {
    return (await control("GET", "refresh-tokens")) as {
      digest: string;
      user: string;
      revokedAt: number | null;
    }[];
  },
};

/** Refresh grants the emulator answered, optionally for one user. */
export async function refreshCalls(user?: string) {
  const entries = await emulator.log();
  return entries.filter(
    (e) =>
      e.kind === "token" &&
      e.grantType === "refresh_token" &&
      (!user || e.user === user),
  );
}

let store: PortalTokenStore | undefined;

/** The portal's token store, opened with the demo key (tests only). */
export function openTokenStore(): PortalTokenStore {
  if (store) return store;
  const keyRing = loadKeyRing({
    value: undefined,
    demoKeyFile: path.join(dataDir, "token-store.key"),
  });
  store = createSqliteTokenStore({ path: dbPath, encryptionKey: keyRing });
  return store;
}

/** The stored token of a user, decrypted. */
export async function storedToken(email: string): Promise<OAuthToken | null> {
  const tokens = await openTokenStore().getTokens();
  return tokens.find((t) => t.userSignature?.name === email) ?? null;
}

/** Count of rows in a table of the portal's database. */
export function countRows(table: "oauth_tokens" | "portal_sessions"): number {
  if (!fs.existsSync(dbPath)) return 0;
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare(`select count(*) as n from ${table}`).get() as {
      n: number;
    };
    return row.n;
  } finally {
    db.close();
  }
}

/** The raw bytes of the database, its WAL and shared-memory files. */
export function databaseBytes(): Buffer {
  const files = [dbPath, `${dbPath}-wal`, `${dbPath}-shm`];
  return Buffer.concat(
    files.filter(fs.existsSync).map((f) => fs.readFileSync(f)),
  );
}
