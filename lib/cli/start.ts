/**
 * `npm start`: builds the portal when no build exists, then runs it. With
 * no Zoho credentials configured it runs the demo: the bundled emulator,
 * SQLite under ./data, demo users printed. With ZOHO_CLIENT_ID and
 * ZOHO_CLIENT_SECRET set it runs `next start` against real Zoho.
 */
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { startDemoWorld } from "./demo-world";

const root = process.cwd();
const nextBin = path.join(root, "node_modules/next/dist/bin/next");

function buildIfMissing(): void {
  if (fs.existsSync(path.join(root, ".next/BUILD_ID"))) return;
  console.log("No build found: running `next build` once (about a minute)…");
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function runDemo(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const world = await startDemoWorld({
    dataDir: path.resolve(process.env.PORTAL_DATA_DIR ?? "data"),
    port,
    emulatorPorts: {
      us: { accounts: 4101, api: 4102 },
      eu: { accounts: 4201, api: 4202 },
    },
  });
  const users = (await fetch(
    `${world.emulator.controlUrl}/__emulator/users`,
  ).then((r) => r.json())) as {
    email: string;
    name: string;
    dc: string;
    role: string;
  }[];

  console.log(
    `\nZylker Academy portal (demo) is running at ${world.portalUrl}`,
  );
  console.log("Sign in with any of these emulated Zoho users:");
  for (const u of users) {
    console.log(
      `  ${u.email.padEnd(40)} ${u.role.padEnd(12)} ${u.dc.toUpperCase()}  ${u.name}`,
    );
  }
  console.log("Press Ctrl+C to stop.\n");

  const stop = () => void world.stop().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

function runReal(): void {
  const port = process.env.PORT ?? "3000";
  const child = spawn(process.execPath, [nextBin, "start", "-p", port], {
    stdio: "inherit",
  });
  child.on("exit", (code) => process.exit(code ?? 0));
}

if (fs.existsSync(".env")) process.loadEnvFile(".env");
buildIfMissing();
if (process.env.ZOHO_CLIENT_ID) runReal();
else await runDemo();
