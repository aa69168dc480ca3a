/**
 * The backends the contract suite runs against, each behind one factory.
 * A backend that needs a server (PostgreSQL, MySQL) will be listed here
 * with `skip` set when its server is not configured, so the suite reports
 * it as skipped rather than leaving it out.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMemoryTokenStore } from "../memory-store";
import { createSqliteTokenStore } from "../sqlite-store";
import type { PortalTokenStore } from "../types";

/** A fixed test key ring (two versions: rotation is always exercised). */
export const TEST_KEYS =
  "v2:" +
  Buffer.alloc(32, 2).toString("base64") +
  ",v1:" +
  Buffer.alloc(32, 1).toString("base64");

/** A fresh folder under the OS temp dir; removed by removeTempDirs. */
const dirs: string[] = [];
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "token-store-"));
  dirs.push(dir);
  return dir;
}

/** Removes every folder tempDir made. */
export function removeTempDirs(): void {
  for (const dir of dirs.splice(0))
    rmSync(dir, { recursive: true, force: true });
}

/** One backend under test. */
export interface Backend {
  name: string;
  /** Why the backend cannot run here, if it cannot. */
  skip?: string;
  /** A new, empty store. */
  create(): PortalTokenStore;
}

export const BACKENDS: Backend[] = [
  { name: "memory", create: () => createMemoryTokenStore() },
  {
    name: "sqlite",
    create: () =>
      createSqliteTokenStore({
        path: join(tempDir(), "tokens.db"),
        encryptionKey: TEST_KEYS,
      }),
  },
];
