/**
 * `npm run bench:dashboard`: /dashboard under load, with the emulator at
 * zero latency. Prints requests per second, p50 and p99 at 1 and 50
 * concurrent signed-in users, and the share of each request spent
 * resolving the user's token (from the portal's own debug timings).
 * Needs a build (`npm run build`).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { startDemoWorld } from "@/lib/cli/demo-world";

import { signInOverHttp } from "../support/http-sign-in";

const USERS = [
  "priya.raman",
  "daniel.obrien",
  "aisha.khan",
  "hana.yamada",
  "lena.schmidt",
  "sofia.rossi",
  "omar.haddad",
].map((u) => `${u}@zylker-academy.example`);
const ROUNDS = [
  { concurrency: 1, requests: 150 },
  { concurrency: 50, requests: 1000 },
];

interface Round {
  concurrency: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  tokenShare: number;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(
    sorted.length - 1,
    Math.ceil((p / 100) * sorted.length) - 1,
  );
  return sorted[Math.max(0, index)]!;
}

/** Token resolution time (ms) the portal logged since `offset`. */
function resolvedMs(logFile: string, offset: number): number {
  const text = fs.readFileSync(logFile).subarray(offset).toString("utf8");
  let total = 0;
  for (const line of text.split("\n")) {
    if (!line.startsWith("{") || !line.includes('"token_resolved"')) continue;
    total += (JSON.parse(line) as { durationMs: number }).durationMs;
  }
  return total;
}

async function runRound(
  url: string,
  cookies: string[],
  spec: (typeof ROUNDS)[number],
  logFile: string,
): Promise<Round> {
  const offset = fs.statSync(logFile).size;
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();

  const worker = async (w: number) => {
    while (next < spec.requests) {
      next += 1;
      const t0 = performance.now();
      const res = await fetch(`${url}/dashboard`, {
        headers: { cookie: cookies[w % cookies.length]! },
        redirect: "manual",
      });
      const html = await res.text();
      latencies.push(performance.now() - t0);
      const ok = res.status === 200 && html.includes("profile-heading");
      if (!ok || html.includes("could not be loaded")) errors += 1;
    }
  };
  await Promise.all(
    Array.from({ length: spec.concurrency }, (_, w) => worker(w)),
  );

  const elapsed = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const requestMs = latencies.reduce((a, b) => a + b, 0);
  return {
    concurrency: spec.concurrency,
    rps: (latencies.length / elapsed) * 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
    tokenShare: resolvedMs(logFile, offset) / requestMs,
  };
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "zylker-bench-"));
  const logFile = path.join(dataDir, "portal.log");
  const world = await startDemoWorld({
    dataDir,
    port: 0,
    logFile,
    quiet: true,
    env: { LOG_LEVEL: "debug" },
  });
  try {
    const cookies: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      cookies.push(
        await signInOverHttp(world.portalUrl, USERS[i % USERS.length]!),
      );
    }
    await runRound(
      world.portalUrl,
      cookies,
      { concurrency: 4, requests: 40 },
      logFile,
    );

    const rows: Round[] = [];
    for (const spec of ROUNDS)
      rows.push(await runRound(world.portalUrl, cookies, spec, logFile));
    printTable(rows);
  } finally {
    await world.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function printTable(rows: Round[]): void {
  console.log(
    `\n/dashboard, emulator at zero latency, ${os.cpus().length} cores\n`,
  );
  console.log(
    "| signed-in users | req/s | p50 ms | p99 ms | errors | token resolution |",
  );
  console.log("|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    const share = `${(r.tokenShare * 100).toFixed(2)} %`;
    console.log(
      `| ${r.concurrency} | ${r.rps.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} | ${share} |`,
    );
  }
}

await main();
