/**
 * Builds the world every spec runs in: the emulator and `next start` on
 * free ports, with a temporary data folder; torn down afterwards.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { startDemoWorld } from "@/lib/cli/demo-world";

const GUARD = path.resolve("lib/testing/loopback-only.mjs");

/** An admin by her Zoho CRM profile (Administrator), not by the list. */
export const ADMIN_EMAIL = "priya.raman@zylker-academy.example";
/** An admin by PORTAL_ADMINS, whose CRM profile is only Standard. */
export const LISTED_ADMIN_EMAIL = "lena.schmidt@zylker-academy.example";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "zylker-e2e-"));
  const logFile = path.join(dataDir, "portal.log");
  const world = await startDemoWorld({
    dataDir,
    port: 0,
    logFile,
    quiet: true,
    env: {
      PORTAL_ADMINS: LISTED_ADMIN_EMAIL,
      LOG_LEVEL: "debug",
      // Any fetch off this machine fails the run instead of leaving it.
      NODE_OPTIONS: `--import ${pathToFileURL(GUARD).href}`,
    },
  });

  process.env.E2E_PORTAL_URL = world.portalUrl;
  process.env.E2E_CONTROL_URL = world.emulator.controlUrl;
  process.env.E2E_DATA_DIR = dataDir;
  process.env.E2E_WORLD = JSON.stringify({
    dataCentres: world.emulator.dataCentres,
    env: world.portalEnv,
  });

  return async () => {
    await world.stop();
    if (!process.env.E2E_KEEP_DATA) {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  };
}
