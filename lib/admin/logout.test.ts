import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { auditEvents, pendingRevocations } from "@/db/schema";
import { findSession } from "@/lib/sessions/store";
import { removeTempDirs } from "@/lib/token-store/testing/backends";

import { logoutEveryone, logoutUser } from "./logout";
import { startAdminWorld, type AdminWorld } from "./testing/world";

const AISHA = "aisha.khan@zylker-academy.example";
const DANIEL = "daniel.obrien@zylker-academy.example";
const SOFIA = "sofia.rossi@zylker-academy.example";

let world: AdminWorld;

beforeAll(async () => {
  world = await startAdminWorld();
});
afterAll(async () => {
  await world.stop();
  removeTempDirs();
});
afterEach(async () => {
  await world.control("DELETE", "faults");
  await logoutEveryone(world.deps);
});

const audit = () => world.deps.db.select().from(auditEvents).all();
const session = (reference: string) => findSession(world.deps.db, reference);

describe("logoutUser", () => {
  it("deletes the token, ends the sessions and revokes at Zoho", async () => {
    const aisha = await world.signIn(AISHA);
    const daniel = await world.signIn(DANIEL);

    const result = await logoutUser(world.deps, aisha.tokenId);

    expect(result).toMatchObject({
      status: "logged_out",
      user: AISHA,
      dataCentre: "us",
      sessionsEnded: 1,
      revoke: { ok: true },
    });
    expect(await world.deps.store.findTokenById(aisha.tokenId)).toBeNull();
    expect(session(aisha.reference)).toEqual({
      state: "ended",
      reason: "admin",
    });
    expect(await world.revokedAtOf(aisha.refreshToken)).not.toBeNull();
    expect(audit().at(-1)).toMatchObject({
      event: "logged_out_by_admin",
      actor: "priya.raman@zylker-academy.example",
      subject: AISHA,
      dataCentre: "us",
      outcome: "revoked at Zoho",
    });

    expect(session(daniel.reference).state).toBe("active");
    expect(await world.deps.store.findTokenById(daniel.tokenId)).not.toBeNull();
  });

  it("finds the user by email, in any case", async () => {
    const sofia = await world.signIn(SOFIA, "eu");

    const result = await logoutUser(world.deps, SOFIA.toUpperCase());

    expect(result).toMatchObject({ status: "logged_out", dataCentre: "eu" });
    expect(session(sofia.reference).state).toBe("ended");
  });

  it("does one logout when the same one is submitted twice", async () => {
    const aisha = await world.signIn(AISHA);
    const before = audit().length;

    const results = await Promise.all([
      logoutUser(world.deps, aisha.tokenId),
      logoutUser(world.deps, aisha.tokenId),
    ]);

    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual(["logged_out", "not_found"]);
    expect(audit().length).toBe(before + 1);
  });

  it("changes nothing for an unknown or malformed target", async () => {
    const daniel = await world.signIn(DANIEL);
    const targets = ["no-such-id", "", "x".repeat(5000), "a\u0000b"];
    targets.push("nobody@zylker-academy.example");

    for (const target of targets) {
      expect(await logoutUser(world.deps, target)).toEqual({
        status: "not_found",
        target,
      });
    }
    expect(session(daniel.reference).state).toBe("active");
    expect(await world.deps.store.getTokens()).toHaveLength(1);
  });

  it("waits for a refresh under way before deleting the row", async () => {
    const aisha = await world.signIn(AISHA);
    const store = world.deps.store;
    await store.tryAcquireRefreshLease(
      aisha.tokenId,
      "refresh",
      Date.now() + 5000,
    );

    const logout = logoutUser(world.deps, aisha.tokenId);
    await new Promise((r) => setTimeout(r, 200));
    expect(await store.findTokenById(aisha.tokenId)).not.toBeNull();
    await store.releaseRefreshLease(aisha.tokenId, "refresh");

    expect((await logout).status).toBe("logged_out");
    expect(await store.findTokenById(aisha.tokenId)).toBeNull();
  });
});

describe("logoutEveryone", () => {
  it("deletes every token and session, revokes every token", async () => {
    const users = [
      await world.signIn(AISHA),
      await world.signIn(DANIEL),
      await world.signIn(SOFIA, "eu"),
    ];

    const result = await logoutEveryone(world.deps);

    expect(result.users.map((u) => u.user).sort()).toEqual(
      [AISHA, DANIEL, SOFIA].sort(),
    );
    expect(result).toMatchObject({ sessionsEnded: 3, failed: 0 });
    expect(await world.deps.store.getTokens()).toEqual([]);
    for (const u of users) expect(session(u.reference).state).toBe("ended");
    for (const u of users) {
      expect(await world.revokedAtOf(u.refreshToken)).not.toBeNull();
    }
    expect(audit().at(-1)).toMatchObject({ event: "logged_out_everyone" });
  });

  it("still logs everyone out when Zoho's revoke fails", async () => {
    await world.signIn(AISHA);
    await world.control("POST", "faults", { route: "revoke", kind: "5xx" });

    const result = await logoutEveryone(world.deps);

    expect(result.failed).toBe(1);
    expect(await world.deps.store.getTokens()).toEqual([]);
    const pending = world.deps.db.select().from(pendingRevocations).all();
    expect(pending.map((p) => p.userName)).toEqual([AISHA]);
  });

  it("queues the revokes left when Zoho is too slow for the budget", async () => {
    world.deps.db.delete(pendingRevocations).run();
    await world.signIn(AISHA);
    await world.signIn(DANIEL);
    await world.control("POST", "faults", {
      route: "revoke",
      kind: "latency",
      latencyMs: 300,
    });

    const result = await logoutEveryone(world.deps, 0);

    expect(result.failed).toBe(2);
    expect(result.users.map((u) => u.revoke)).toEqual([
      expect.objectContaining({ ok: false, code: "DEFERRED" }),
      expect.objectContaining({ ok: false, code: "DEFERRED" }),
    ]);
    expect(await world.deps.store.getTokens()).toEqual([]);
    const pending = world.deps.db.select().from(pendingRevocations).all();
    expect(pending.map((p) => p.userName).sort()).toEqual([AISHA, DANIEL]);
  });
});
