import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { auditEvents, pendingRevocations } from "@/db/schema";
import { findSession } from "@/lib/sessions/store";
import { removeTempDirs } from "@/lib/token-store/testing/backends";
import { revokeRefreshToken } from "@/lib/zoho/oauth";

import { logoutUser } from "./logout";
import { listPending } from "./pending";
import { retryDueRevocations, retryRevocation } from "./revocation";
import { startAdminWorld, type AdminWorld } from "./testing/world";

const AISHA = "aisha.khan@zylker-academy.example";

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
  world.deps.db.delete(pendingRevocations).run();
});

const lastAudit = () => world.deps.db.select().from(auditEvents).all().at(-1);

describe("a revoke Zoho does not confirm", () => {
  it.each(["5xx", "429", "throttle", "html"])(
    "still logs the user out and queues the token sealed (%s)",
    async (kind) => {
      const aisha = await world.signIn(AISHA);
      await world.control("POST", "faults", { route: "revoke", kind });

      const result = await logoutUser(world.deps, aisha.tokenId);

      expect(result).toMatchObject({
        status: "logged_out",
        revoke: { ok: false },
      });
      expect(findSession(world.deps.db, aisha.reference).state).toBe("ended");
      expect(await world.deps.store.findTokenById(aisha.tokenId)).toBeNull();
      const rows = world.deps.db.select().from(pendingRevocations).all();
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(aisha.refreshToken);
      expect(lastAudit()?.outcome).toMatch(/^revoke failed: ZOHO_/);
    },
  );

  it("is revoked by a retry once Zoho answers, and audited", async () => {
    const aisha = await world.signIn(AISHA);
    await world.control("POST", "faults", { route: "revoke", kind: "5xx" });
    await logoutUser(world.deps, aisha.tokenId);
    await world.control("DELETE", "faults");
    const [pending] = listPending(world.deps.db);

    const result = await retryRevocation(world.deps, pending!.id);

    expect(result).toEqual({ status: "revoked", user: AISHA });
    expect(await world.revokedAtOf(aisha.refreshToken)).not.toBeNull();
    expect(listPending(world.deps.db)).toEqual([]);
    expect(lastAudit()).toMatchObject({
      event: "revoke_retried",
      subject: AISHA,
      outcome: "revoked at Zoho",
    });
  });

  it("counts a token Zoho no longer knows as revoked", async () => {
    const aisha = await world.signIn(AISHA);
    await world.control("POST", "faults", { route: "revoke", kind: "5xx" });
    await logoutUser(world.deps, aisha.tokenId);
    await world.control("DELETE", "faults");
    const accountsServer = world.emu.dataCentres.us!.accountsUrl;
    await revokeRefreshToken({
      accountsServer,
      refreshToken: aisha.refreshToken,
    });
    const [pending] = listPending(world.deps.db);

    expect((await retryRevocation(world.deps, pending!.id)).status).toBe(
      "revoked",
    );
    expect(listPending(world.deps.db)).toEqual([]);
  });

  it("stays queued, with the new error, when the retry fails", async () => {
    const aisha = await world.signIn(AISHA);
    await world.control("POST", "faults", { route: "revoke", kind: "5xx" });
    await logoutUser(world.deps, aisha.tokenId);
    const [pending] = listPending(world.deps.db);

    const result = await retryRevocation(world.deps, pending!.id);

    expect(result.status).toBe("failed");
    expect(listPending(world.deps.db)[0]).toMatchObject({ attempts: 2 });
    expect(lastAudit()?.outcome).toMatch(/^revoke failed/);
  });

  it("is tried once when two retries of it come together", async () => {
    const aisha = await world.signIn(AISHA);
    await world.control("POST", "faults", { route: "revoke", kind: "5xx" });
    await logoutUser(world.deps, aisha.tokenId);
    await world.control("DELETE", "faults");
    const [pending] = listPending(world.deps.db);

    const results = await Promise.all([
      retryRevocation(world.deps, pending!.id),
      retryRevocation(world.deps, pending!.id),
    ]);

    expect(results.map((r) => r.status).sort()).toEqual(["busy", "revoked"]);
  });

  it("is not sent to an accounts server outside the data centres", async () => {
    const aisha = await world.signIn(AISHA);
    const token = await world.deps.store.findTokenById(aisha.tokenId);
    await world.deps.store.saveToken({
      ...token!,
      accountsServer: "https://accounts.evil.example",
    });

    const result = await logoutUser(world.deps, aisha.tokenId);

    expect(result).toMatchObject({
      revoke: { ok: false, code: "DC_NOT_ALLOWED" },
    });
    expect(await world.revokedAtOf(aisha.refreshToken)).toBeNull();
  });

  it("is retried on page load only after it has been idle", async () => {
    const aisha = await world.signIn(AISHA);
    await world.control("POST", "faults", { route: "revoke", kind: "5xx" });
    await logoutUser(world.deps, aisha.tokenId);
    await world.control("DELETE", "faults");

    expect(await retryDueRevocations(world.deps)).toEqual([]);
    world.deps.db.update(pendingRevocations).set({ lastAttemptAt: 0 }).run();
    expect(await retryDueRevocations(world.deps)).toEqual([
      { status: "revoked", user: AISHA },
    ]);
  });

  it("answers not_found for an unknown pending id", async () => {
    expect(await retryRevocation(world.deps, "nope")).toEqual({
      status: "not_found",
      id: "nope",
    });
  });
});
