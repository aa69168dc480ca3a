/**
 * Writes emulator/seed/academy.json. Run with `npx tsx
 * emulator/seed/generate.ts`; the output is deterministic and committed.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ZohoRecord, ZohoSeed, ZohoSeedUser } from "../state/seed";
import { SEED_ORGS, SEED_USERS } from "./people";
import {
  buildContact,
  buildDeal,
  buildLead,
  createRandom,
  type RecordContext,
} from "./records";

const COUNTS = { Contacts: 120, Leads: 100, Deals: 80 };
const PER_STANDARD_USER = 5;
const WEIGHTS: Record<string, number> = { Coordinator: 3, Advisor: 4 };

/** Owners in order: 5 per Standard user first, then a weighted draw. */
function planOwners(total: number, random: () => number): ZohoSeedUser[] {
  const owners: ZohoSeedUser[] = [];
  for (const user of SEED_USERS.filter((u) => u.profile === "Standard")) {
    for (let i = 0; i < PER_STANDARD_USER; i++) owners.push(user);
  }

  const pool = SEED_USERS.flatMap((u) =>
    Array.from({ length: WEIGHTS[u.role] ?? 1 }, () => u),
  );
  while (owners.length < total) {
    owners.push(pool[Math.floor(random() * pool.length)] as ZohoSeedUser);
  }
  return owners;
}

function recordId(user: ZohoSeedUser, module: number, n: number): string {
  const prefix = user.dc === "us" ? "5843" : "6127";
  return `${prefix}000000${module}${String(n).padStart(8, "0")}`;
}

/** Builds the whole seed from a fixed PRNG seed. */
export function generateSeed(seed = 20250106): ZohoSeed {
  const random = createRandom(seed);
  const context = (owner: ZohoSeedUser, m: number, i: number) =>
    ({
      random,
      owner,
      id: recordId(owner, m, i + 1),
      index: i,
    }) as RecordContext;

  const contacts = planOwners(COUNTS.Contacts, random).map((o, i) =>
    buildContact(context(o, 1, i)),
  );
  const leads = planOwners(COUNTS.Leads, random).map((o, i) =>
    buildLead(context(o, 2, i)),
  );
  const deals = planOwners(COUNTS.Deals, random).map((o, i) =>
    buildDeal(context(o, 3, i), contactFor(contacts, o, i)),
  );

  const records = { Contacts: contacts, Leads: leads, Deals: deals };
  return { orgs: SEED_ORGS, users: SEED_USERS, records };
}

/** A contact of the same owner when there is one, else of the same org. */
function contactFor(
  contacts: ZohoRecord[],
  owner: ZohoSeedUser,
  index: number,
): ZohoRecord {
  const own = contacts.filter((c) => c.Owner.id === owner.crm_id);
  const pool = own.length > 0 ? own : contacts;
  return pool[index % pool.length] as ZohoRecord;
}

const target = fileURLToPath(new URL("./academy.json", import.meta.url));
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(target, `${JSON.stringify(generateSeed(), null, 2)}\n`);
  console.log(`wrote ${target}`);
}
