/**
 * Starts the portal on the embedded defaults: the bundled Zoho emulator,
 * a SQLite database in a data folder, and `next start`. Used by
 * `npm start` and by the end-to-end tests (on free ports, temporary data).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

import { startEmulator, type RunningEmulator } from "@/emulator";

import { DEMO_DATA_CENTRES_FILE } from "./demo-files";

export const DEMO_CLIENT_ID = "1000.ZYLKERACADEMYDEMOPORTAL0001";

export interface DemoWorldOptions {
  dataDir: string;
  /** Portal port; 0 picks a free one. */
  port: number;
  /** Emulator ports per location; absent picks free ones. */
  emulatorPorts?: Record<string, { accounts?: number; api?: number }>;
  /** Extra environment for the portal process (e.g. PORTAL_ADMINS). */
  env?: Record<string, string>;
  /** Where the portal's stdout and stderr go; default: inherit. */
  logFile?: string;
  quiet?: boolean;
}

export interface DemoWorld {
  portalUrl: string;
  emulator: RunningEmulator;
  portalEnv: Record<string, string>;
  stop(): Promise<void>;
}

/** Starts emulator and portal; resolves once the portal answers. */
export async function startDemoWorld(
  opts: DemoWorldOptions,
): Promise<DemoWorld> {
  fs.mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const port = opts.port || (await freePort());
  const portalUrl = `http://127.0.0.1:${port}`;
  const clientSecret = readOrCreateSecret(
    path.join(opts.dataDir, "demo-client.secret"),
  );

  const emulator = await startEmulator({
    ports: opts.emulatorPorts,
    quiet: opts.quiet,
    clients: [
      {
        clientId: DEMO_CLIENT_ID,
        clientSecret,
        name: "Zylker Academy Portal (demo)",
        redirectUris: [`${portalUrl}/api/auth/callback/zoho`],
      },
    ],
  });
  const portalEnv = demoEnv(opts, emulator, portalUrl, clientSecret);
  portalEnv.PORTAL_CRM_ORGS ??= await emulatedOrgs(emulator);
  fs.writeFileSync(
    path.join(opts.dataDir, DEMO_DATA_CENTRES_FILE),
    `${portalEnv.ZOHO_EXTRA_DATA_CENTRES}\n`,
  );
  const child = spawnPortal(port, portalEnv, opts.logFile);

  try {
    await waitForPortal(portalUrl, child);
  } catch (error) {
    child.kill("SIGTERM");
    await emulator.stop();
    throw error;
  }
  return {
    portalUrl,
    emulator,
    portalEnv,
    stop: () => stopAll(child, emulator),
  };
}

function demoEnv(
  opts: DemoWorldOptions,
  emulator: RunningEmulator,
  portalUrl: string,
  clientSecret: string,
): Record<string, string> {
  const dcs = Object.values(emulator.dataCentres);
  return {
    NEXTAUTH_URL: portalUrl,
    NEXTAUTH_SECRET: readOrCreateSecret(
      path.join(opts.dataDir, "session.secret"),
    ),
    ZOHO_CLIENT_ID: DEMO_CLIENT_ID,
    ZOHO_CLIENT_SECRET: clientSecret,
    ZOHO_ACCOUNTS_URL:
      emulator.dataCentres.us?.accountsUrl ?? dcs[0]!.accountsUrl,
    ZOHO_EXTRA_DATA_CENTRES: dcs
      .map((d) => `${d.location}=${d.accountsUrl}|${d.apiUrl}`)
      .join(","),
    DATABASE_PATH: path.join(opts.dataDir, "portal.db"),
    PORTAL_DEMO: "1",
    ...opts.env,
  };
}

/** The zgids of the emulator's seeded CRM orgs (the academy's). */
async function emulatedOrgs(emulator: RunningEmulator): Promise<string> {
  const response = await fetch(`${emulator.controlUrl}/__emulator/orgs`);
  const orgs = (await response.json()) as { zgid: string }[];
  return orgs.map((o) => o.zgid).join(",");
}

/** A random secret kept in an owner-only file, reused on the next start. */
function readOrCreateSecret(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function spawnPortal(
  port: number,
  portalEnv: Record<string, string>,
  logFile?: string,
): ChildProcess {
  const out = logFile ? fs.openSync(logFile, "a") : "inherit";
  const nextBin = path.join(process.cwd(), "node_modules/next/dist/bin/next");
  return spawn(
    process.execPath,
    [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"],
    { env: { ...process.env, ...portalEnv }, stdio: ["ignore", out, out] },
  );
}

async function waitForPortal(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the portal exited with code ${child.exitCode}`);
    }
    try {
      const res = await fetch(`${url}/api/auth/providers`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the portal did not start within 60 s");
}

async function stopAll(child: ChildProcess, emulator: RunningEmulator) {
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  }
  await emulator.stop();
}

/**
 * With no argument, a TCP port nothing listens on right now; with one,
 * that port when it is free, else 0.
 */
export function freePort(wanted = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (error: NodeJS.ErrnoException) =>
      error.code === "EADDRINUSE" ? resolve(0) : reject(error),
    );
    server.listen(wanted, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
