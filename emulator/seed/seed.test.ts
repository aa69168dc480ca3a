import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_SEED_FILE } from "../config";
import { loadSeed } from "../state/seed";
import { generateSeed } from "./generate";

const seed = loadSeed(DEFAULT_SEED_FILE);

describe("seed", () => {
  it("is exactly what the generator writes", () => {
    const written = readFileSync(DEFAULT_SEED_FILE, "utf8");
    expect(written).toBe(`${JSON.stringify(generateSeed(), null, 2)}\n`);
  });

  it("has eight users across US and EU with one Administrator", () => {
    expect(seed.users).toHaveLength(8);
    expect(seed.users.filter((u) => u.dc === "eu")).toHaveLength(3);
    expect(
      seed.users
        .filter((u) => u.profile === "Administrator")
        .map((u) => u.email),
    ).toEqual(["priya.raman@zylker-academy.example"]);
  });

  it("gives every Standard user at least 5 records per module", () => {
    for (const user of seed.users.filter((u) => u.profile === "Standard")) {
      for (const module of ["Contacts", "Leads", "Deals"]) {
        const own = (seed.records[module] ?? []).filter(
          (r) => r.Owner.id === user.crm_id,
        );
        expect(own.length, `${user.email} ${module}`).toBeGreaterThanOrEqual(5);
      }
    }
  });

  it("links every Deal to a Contact of the same org", () => {
    const contacts = new Map(
      (seed.records.Contacts ?? []).map((c) => [c.id, c]),
    );
    for (const deal of seed.records.Deals ?? []) {
      const link = deal.Contact_Name as { id: string };
      expect(contacts.get(link.id)?.id.slice(0, 4)).toBe(deal.id.slice(0, 4));
    }
  });
});
