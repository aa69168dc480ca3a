import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { removeTempDirs } from "@/lib/token-store/testing/backends";

import { logoutEveryone } from "./logout";
import { startAdminWorld, type AdminWorld } from "./testing/world";
import { listTokenRows, parseTokenQuery } from "./token-list";

const AISHA = "aisha.khan@zylker-academy.example";
const DANIEL = "daniel.obrien@zylker-academy.example";
const SOFIA = "sofia.rossi@zylker-academy.example";

let world: AdminWorld;
let secrets: string[];

beforeAll(async () => {
  world = await startAdminWorld();
  const signedIn = [
    await world.signIn(SOFIA, "eu"),
    await world.signIn(AISHA),
    await world.signIn(DANIEL),
  ];
  await world.signIn(AISHA);
  secrets = signedIn.map((s) => s.refreshToken);
});
afterAll(async () => {
  await logoutEveryone(world.deps);
  await world.stop();
  removeTempDirs();
});

describe("listTokenRows", () => {
  it("lists one row per user with data centre and live sessions", async () => {
    const rows = await listTokenRows(world.deps);

    expect(rows.map((r) => [r.user, r.dataCentre, r.liveSessions])).toEqual([
      [AISHA, "us", 2],
      [DANIEL, "us", 1],
      [SOFIA, "eu", 1],
    ]);
  });

  it("never carries a token value", async () => {
    const rows = JSON.stringify(await listTokenRows(world.deps));

    for (const secret of secrets) expect(rows).not.toContain(secret);
  });

  it("sorts by first sign-in, newest first, and filters", async () => {
    const newest = await listTokenRows(
      world.deps,
      parseTokenQuery({ sort: "firstSignIn", dir: "desc" }),
    );
    const eu = await listTokenRows(world.deps, parseTokenQuery({ dc: "eu" }));
    const byText = await listTokenRows(
      world.deps,
      parseTokenQuery({ user: "OBRIEN" }),
    );

    expect(newest.map((r) => r.user)).toEqual([DANIEL, AISHA, SOFIA]);
    expect(eu.map((r) => r.user)).toEqual([SOFIA]);
    expect(byText.map((r) => r.user)).toEqual([DANIEL]);
  });
});

describe("parseTokenQuery", () => {
  it("falls back to the default for anything unknown", () => {
    expect(
      parseTokenQuery({ sort: "secrets", dir: "up", dc: "<x>", user: ["a"] }),
    ).toEqual({ sort: "user", dir: "asc", user: undefined, dc: undefined });
  });
});
