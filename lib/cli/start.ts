/**
 * `npm start`: builds the portal when no build exists, then runs it. With
 * no Zoho credentials configured it runs the demo: the bundled emulator,
 * SQLite under ./data, demo users printed. With ZOHO_CLIENT_ID and
 * ZOHO_CLIENT_SECRET set it runs `next start` against real Zoho.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { launcherEnv } from "@/lib/env";

import { freePort, startDemoWorld } from "./demo-world";

const root = process.cwd();
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const EMULATOR_PORTS = {
  us: { accounts: 4101, api: 4102 },
  eu: { accounts: 4201, api: 4202 },
};

function buildIfMissing(): void {
  if (fs.existsSync(path.join(root, ".next/BUILD_ID"))) return;
  console.log("No build found: running `next build` once (about a minute)…");
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Stops with a one-line reason when a port the demo needs is taken. */
async function requireFreePorts(ports: number[]): Promise<void> {
  for (const port of ports) {
    if (await freePort(port)) continue;
    console.error(
      `Port ${port} is in use. The demo needs ${ports.join(", ")}: stop ` +
        "what runs there, or set PORT for the portal's own port.",
    );
    process.exit(1);
  }
}

/**
 * Runs `stop` on Ctrl+C, on SIGTERM, and when the process that started us
 * goes away (a SIGTERM to `npm` is not passed on to this process).
 */
function onShutdown(stop: () => Promise<void>): void {
  let stopping = false;
  const once = () => {
    if (stopping) return;
    stopping = true;
    void stop().finally(() => process.exit(0));
  };
  process.once("SIGINT", once);
  process.once("SIGTERM", once);
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && once(), 1000).unref();
}

async function printDemoUsers(controlUrl: string): Promise<void> {
  const response = await fetch(`${controlUrl}/__emulator/users`);
  const users = (await response.json()) as {
    email: string;
    name: string;
    dc: string;
    role: string;
  }[];
  console.log("Sign in with any of these emulated Zoho users:");
  for (const u of users) {
    const dc = u.dc.toUpperCase();
    console.log(
      `  ${u.email.padEnd(40)} ${u.role.padEnd(12)} ${dc}  ${u.name}`,
    );
  }
}

async function runDemo(): Promise<void> {
  const { PORT: port, PORTAL_DATA_DIR } = launcherEnv();
  const emulatorPorts = Object.values(EMULATOR_PORTS).flatMap(Object.values);
  await requireFreePorts([port, ...emulatorPorts]);

  const world = await startDemoWorld({
    dataDir: path.resolve(PORTAL_DATA_DIR),
    port,
    emulatorPorts: EMULATOR_PORTS,
    quiet: true,
  });
  onShutdown(() => world.stop());

  console.log(
    `\nZylker Academy portal (demo) is running at ${world.portalUrl}`,
  );
  await printDemoUsers(world.emulator.controlUrl);
  console.log("Press Ctrl+C to stop.\n");
}

function runReal(): void {
  const port = String(launcherEnv().PORT);
  const child = spawn(process.execPath, [nextBin, "start", "-p", port], {
    stdio: "inherit",
  });
  child.on("exit", (code) => process.exit(code ?? 0));
  onShutdown(async () => void child.kill("SIGTERM"));
}

if (fs.existsSync(".env")) process.loadEnvFile(".env");
buildIfMissing();
if (launcherEnv().ZOHO_CLIENT_ID) runReal();
else await runDemo();
