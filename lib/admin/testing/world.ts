/**
 * A world for lib/admin's tests: a temporary SQLite database, a token
 * store with the test keys, and the real emulator on free ports, with
 * users signed in through its real OAuth flow.
 */
import { join } from "node:path";

import { startEmulator, type RunningEmulator } from "@/emulator";
import { digestOf } from "@/emulator/http/digest";
import { signIn as emulatorSignIn, TEST_CLIENT } from "@/emulator/testing/flow";
import { openDatabase } from "@/lib/db/connection";
import { insertSession } from "@/lib/sessions/store";
import {
  createSqliteTokenStore,
  parseKeyRing,
  type OAuthToken,
} from "@/lib/token-store";
import { tempDir, TEST_KEYS } from "@/lib/token-store/testing/backends";
import { DataCentres } from "@/lib/zoho/data-centres";
import { revokeRefreshToken } from "@/lib/zoho/oauth";

import type { AdminDeps } from "../types";

/** A user signed in for a test: token id, refresh token, cookie reference. */
export interface SignedIn {
  tokenId: string;
  refreshToken: string;
  reference: string;
}

/** The emulator's view of one refresh token. */
interface EmulatorRefreshToken {
  digest: string;
  user: string | null;
  revokedAt: number | null;
}

/** Starts the emulator and opens a fresh database; `stop()` ends both. */
export async function startAdminWorld() {
  const emu = await startEmulator({ clients: [TEST_CLIENT], quiet: true });
  const dbPath = join(tempDir(), "portal.db");
  const keyRing = parseKeyRing(TEST_KEYS);
  const deps: AdminDeps = {
    store: createSqliteTokenStore({ path: dbPath, encryptionKey: keyRing }),
    db: openDatabase(dbPath).db,
    keyRing,
    dataCentres: dataCentresOf(emu),
    revoke: revokeRefreshToken,
    actor: "priya.raman@zylker-academy.example",
  };
  return {
    emu,
    deps,
    dbPath,
    signIn: (user: string, dc?: string) => signIn(emu, deps, user, dc),
    control: (method: string, route: string, body?: unknown) =>
      control(emu, method, route, body),
    revokedAtOf: (refreshToken: string) => revokedAtOf(emu, refreshToken),
    stop: () => emu.stop(),
  };
}

/** The world startAdminWorld returns. */
export type AdminWorld = Awaited<ReturnType<typeof startAdminWorld>>;

function dataCentresOf(emu: RunningEmulator): DataCentres {
  return new DataCentres(
    Object.values(emu.dataCentres).map((d) => ({
      location: d.location,
      accountsServer: d.accountsUrl,
      apiDomain: d.apiUrl,
    })),
  );
}

async function signIn(
  emu: RunningEmulator,
  deps: AdminDeps,
  user: string,
  dc?: string,
): Promise<SignedIn> {
  const tokens = await emulatorSignIn(emu, { user, dc, prompt: "consent" });
  const token: OAuthToken = {
    userSignature: { name: user },
    clientId: TEST_CLIENT.clientId,
    clientSecret: TEST_CLIENT.clientSecret,
    refreshToken: tokens.refreshToken!,
    accessToken: tokens.accessToken,
    expiryTime: Date.now() + 3_600_000,
    apiDomain: tokens.apiDomain,
    accountsServer: tokens.accountsUrl,
  };
  await deps.store.saveToken(token);
  const reference = insertSession(deps.db, user, token.id!);
  return { tokenId: token.id!, refreshToken: token.refreshToken!, reference };
}

async function control(
  emu: RunningEmulator,
  method: string,
  route: string,
  body?: unknown,
): Promise<unknown> {
  const res = await fetch(`${emu.controlUrl}/__emulator/${route}`, {
    method,
    headers: body ? { "content-type": "application/json" } : undefined,
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`emulator control ${route}: ${res.status}`);
  return res.json();
}

/** When the emulator revoked this refresh token (null: still live). */
async function revokedAtOf(emu: RunningEmulator, refreshToken: string) {
  const all = (await control(
    emu,
    "GET",
    "refresh-tokens",
  )) as EmulatorRefreshToken[];
  const digest = digestOf(refreshToken);
  return all.find((t) => t.digest === digest)?.revokedAt ?? null;
}
