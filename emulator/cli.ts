/**
 * `npm run emulator`: serves the seeded academy on fixed ports until
 * SIGINT or SIGTERM. Flags win over env; see emulator/README.md.
 */
import { parseArgs } from "node:util";
import { DEFAULT_CLI_PORTS } from "./config";
import { startEmulator } from "./server";
import type { EmulatorClient, EmulatorOptions } from "./types";

const { values } = parseArgs({
  options: {
    "data-centres": { type: "string" },
    host: { type: "string" },
    seed: { type: "string" },
    ports: { type: "string" },
    "client-id": { type: "string", multiple: true },
    "client-secret": { type: "string", multiple: true },
    "redirect-uri": { type: "string", multiple: true },
    "client-name": { type: "string", multiple: true },
    quiet: { type: "boolean" },
  },
});

const env = process.env;
const dcs = (values["data-centres"] ?? env.EMULATOR_DATA_CENTRES ?? "us,eu")
  .split(",")
  .map((dc) => dc.trim())
  .filter(Boolean);

/** Ports: defaults, then EMULATOR_PORTS / --ports "us=4101:4102,eu=…". */
function portsFor(list: string[]): EmulatorOptions["ports"] {
  const ports: NonNullable<EmulatorOptions["ports"]> = {};
  for (const dc of list) {
    const [accounts, api] = DEFAULT_CLI_PORTS[dc] ?? [0, 0];
    ports[dc] = { accounts, api };
  }

  const spec = values.ports ?? env.EMULATOR_PORTS ?? "";
  for (const item of spec.split(",").filter(Boolean)) {
    const match = /^(\w+)=(\d+):(\d+)$/.exec(item.trim());
    if (!match) throw new Error(`bad port spec "${item}" (want us=4101:4102)`);
    ports[match[1] as string] = { accounts: +match[2]!, api: +match[3]! };
  }
  return ports;
}

/** Clients from repeated --client-id/--client-secret/--redirect-uri. */
function clientsFrom(): EmulatorClient[] {
  const ids = values["client-id"] ?? [];
  const secrets = values["client-secret"] ?? [];
  const uris = values["redirect-uri"] ?? [];
  const names = values["client-name"] ?? [];
  if (secrets.length !== ids.length || uris.length < ids.length) {
    throw new Error("give one --client-secret and --redirect-uri per client");
  }
  return ids.map((clientId, i) => ({
    clientId,
    clientSecret: secrets[i] as string,
    name: names[i] ?? "Zylker Academy Portal",
    redirectUris: [uris[i] as string],
  }));
}

const emulator = await startEmulator({
  host: values.host ?? env.EMULATOR_HOST,
  dataCentres: dcs,
  ports: portsFor(dcs),
  seedFile: values.seed ?? env.EMULATOR_SEED_FILE,
  clients: clientsFrom(),
  quiet: values.quiet ?? env.EMULATOR_QUIET === "1",
});

console.log("Zoho emulator running");
for (const [dc, urls] of Object.entries(emulator.dataCentres)) {
  console.log(`  ${dc}: accounts ${urls.accountsUrl}  api ${urls.apiUrl}`);
}
console.log(`  controls: ${emulator.controlUrl}/__emulator/`);

const stop = () => void emulator.stop().then(() => process.exit(0));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, stop);
// A SIGTERM to `npm run emulator` is not passed on: stop with the parent.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && stop(), 1000).unref();
