import { describe, expect, it } from "vitest";
import { crmGet, signIn } from "../testing/flow";
import { USERS, useEmulator } from "../testing/setup";

const emulator = useEmulator();

async function countFor(user: string, module: string) {
  const s = await signIn(emulator(), { user });
  const res = await crmGet(
    s.apiDomain,
    `/crm/v8/${module}/actions/count`,
    s.accessToken,
  );
  return { status: res.status, body: await res.json() };
}

describe("GET /crm/v8/{module}/actions/count", () => {
  it("counts only the caller's own records for a Standard user", async () => {
    const own = await countFor(USERS.daniel, "Contacts");
    const all = await countFor(USERS.priya, "Contacts");

    expect(own.status).toBe(200);
    expect(own.body.count).toBeGreaterThanOrEqual(5);
    expect(all.body.count).toBeGreaterThan(own.body.count);
  });

  it("answers INVALID_MODULE for an unknown module", async () => {
    const res = await countFor(USERS.priya, "Courses");

    expect(res.status).toBe(400);
    expect(res.body.code).toBe("INVALID_MODULE");
  });
});
