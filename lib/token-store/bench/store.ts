/**
 * `npm run bench:store`: findToken and saveToken of the SQLite token store
 * at 10,000 and 100,000 stored users, beside the classic SDK-style store
 * (classic-store.ts). Prints a markdown table. Not a timed test: numbers
 * depend on the machine. Runs in about two minutes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateKeyValue } from "../key-ring";
import { createSqliteTokenStore } from "../sqlite-store";
import type { PortalTokenStore } from "../types";
import {
  benchUser,
  classicFind,
  classicSave,
  seedClassic,
} from "./classic-store";
import { measure, type Measurement } from "./measure";

const SIZES = [10_000, 100_000];
const CLIENT = "1000.CLIENT";

interface Row {
  users: number;
  operation: string;
  store: string;
  result: Measurement;
  baseline?: Measurement;
}

/** Saves users `from`..`to - 1` through the store's own saveToken. */
async function seedStore(store: PortalTokenStore, from: number, to: number) {
  for (let i = from; i < to; i += 1) {
    await store.saveToken({
      userSignature: { name: benchUser(i) },
      clientId: CLIENT,
      clientSecret: "1000.client-secret-value",
      accessToken: `1000.access.${i}.${"a".repeat(40)}`,
      refreshToken: `1000.refresh.${i}.${"r".repeat(40)}`,
      expiryTime: Date.now() + 3_600_000,
      apiDomain: "https://www.zohoapis.com",
      accountsServer: "https://accounts.zoho.com",
    });
  }
}

/** A user index spread over the whole table, not a hot handful. */
const pick = (i: number, users: number) => (i * 7919 + 13) % users;

async function measureSize(
  users: number,
  store: PortalTokenStore,
  classicPath: string,
): Promise<Row[]> {
  const byName = (i: number) => ({
    userSignature: { name: benchUser(pick(i, users)) },
    clientId: CLIENT,
  });

  const find = await measure((i) => store.findToken(byName(i)), {
    maxOps: 50_000,
    maxSeconds: 8,
    warmup: 5_000,
  });
  const classicFinds = await measure(
    (i) => classicFind(classicPath, benchUser(pick(i, users))),
    { maxOps: 2_000, maxSeconds: 6, warmup: 20 },
  );
  const byAccess = await measure(
    (i) =>
      store.findToken({
        accessToken: `1000.access.${pick(i, users)}.${"a".repeat(40)}`,
      }),
    { maxOps: 20_000, maxSeconds: 5, warmup: 1_000 },
  );
  const save = await measure(
    (i) => store.saveToken({ ...byName(i), accessToken: `1000.new.${i}` }),
    { maxOps: 10_000, maxSeconds: 8, warmup: 200 },
  );
  const classicSaves = await measure(
    (i) => classicSave(classicPath, benchUser(pick(i, users)), `1000.n.${i}`),
    { maxOps: 1_000, maxSeconds: 6, warmup: 10 },
  );

  return [
    {
      users,
      operation: "findToken by user name",
      store: "portal",
      result: find,
      baseline: classicFinds,
    },
    {
      users,
      operation: "findToken by user name",
      store: "classic",
      result: classicFinds,
    },
    {
      users,
      operation: "findToken by access token",
      store: "portal",
      result: byAccess,
    },
    {
      users,
      operation: "saveToken (refresh update)",
      store: "portal",
      result: save,
      baseline: classicSaves,
    },
    {
      users,
      operation: "saveToken (refresh update)",
      store: "classic",
      result: classicSaves,
    },
  ];
}

const fmt = (n: number, digits = 1) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits });

function printTable(rows: Row[]): void {
  console.log(
    "| users | operation | store | ops/s | p50 µs | p99 µs | vs classic |",
  );
  console.log("| ---: | --- | --- | ---: | ---: | ---: | ---: |");
  for (const { users, operation, store, result, baseline } of rows) {
    const ratio = baseline
      ? `${fmt(result.opsPerSecond / baseline.opsPerSecond, 0)}× ops/s`
      : "";
    console.log(
      `| ${fmt(users)} | ${operation} | ${store} | ` +
        `${fmt(result.opsPerSecond, 0)} | ${fmt(result.p50Micros)} | ` +
        `${fmt(result.p99Micros)} | ${ratio} |`,
    );
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bench-store-"));
  const classicPath = join(dir, "classic.db");
  const store = createSqliteTokenStore({
    path: join(dir, "portal.db"),
    encryptionKey: generateKeyValue("v1"),
  });

  const rows: Row[] = [];
  let seeded = 0;
  for (const users of SIZES) {
    console.error(`seeding ${fmt(users)} users...`);
    await seedStore(store, seeded, users);
    seedClassic(classicPath, seeded, users);
    seeded = users;
    console.error(`measuring at ${fmt(users)} users...`);
    rows.push(...(await measureSize(users, store, classicPath)));
  }

  await store.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `\nNode ${process.version}, ${process.platform}/${process.arch}\n`,
  );
  printTable(rows);
}

await main();
