import { describe, expect, it } from "vitest";

import { signIn } from "@/emulator/testing/flow";
import { advance, control, USERS, useEmulator } from "@/emulator/testing/setup";

import type { ZohoAccess } from "./crm";
import { ZohoError, type ZohoErrorCode } from "./errors";
import { findModule } from "./modules";
import {
  countRecords,
  fetchCurrentUser,
  getRecord,
  listRecords,
} from "./records";

const emulator = useEmulator();
const students = findModule("students")!;
const enquiries = findModule("enquiries")!;

async function accessOf(user: string): Promise<ZohoAccess> {
  const { accessToken, apiDomain } = await signIn(emulator(), { user });
  return { accessToken, apiDomain };
}

function fault(kind: string, status?: number) {
  return control(emulator(), "POST", "/faults", { route: "api", kind, status });
}

async function expectZohoError(call: Promise<unknown>, codes: ZohoErrorCode[]) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZohoError);
  expect(codes).toContain((error as ZohoError).code);
}

describe("listRecords", () => {
  it("shows a Standard user only the records they own", async () => {
    const aisha = await accessOf(USERS.aisha);

    const page = await listRecords(aisha, students, { page: 1 });

    expect(page.records.length).toBeGreaterThanOrEqual(5);
    for (const record of page.records) {
      expect(record.values.Owner).toBe("Aisha Khan");
    }
  });

  it("shows an Administrator more than one owner's records", async () => {
    const priya = await accessOf(USERS.priya);

    const page = await listRecords(priya, students, { page: 1 });

    const owners = new Set(page.records.map((r) => r.values.Owner));
    expect(owners.size).toBeGreaterThan(1);
    expect(page.moreRecords).toBe(true);
  });

  it("returns an empty page when a search finds nothing", async () => {
    const aisha = await accessOf(USERS.aisha);

    const page = await listRecords(aisha, enquiries, {
      page: 1,
      search: "zzqqxxnothing",
    });

    expect(page).toMatchObject({ records: [], page: 1, moreRecords: false });
    const { entries } = await control(emulator(), "GET", "/log");
    expect(entries.at(-1)).toMatchObject({ kind: "api", status: 204 });
  });

  it("reports an expired access token as ZOHO_INVALID_TOKEN", async () => {
    const aisha = await accessOf(USERS.aisha);
    await advance(emulator(), 2 * 3_600_000);

    await expectZohoError(listRecords(aisha, students, { page: 1 }), [
      "ZOHO_INVALID_TOKEN",
    ]);
  });

  it("reports a user without API access as ZOHO_NO_PERMISSION", async () => {
    const kwame = await accessOf(USERS.kwame);

    await expectZohoError(listRecords(kwame, students, { page: 1 }), [
      "ZOHO_NO_PERMISSION",
    ]);
  });

  it("fails on an HTML page with HTTP 200, never an empty page", async () => {
    const aisha = await accessOf(USERS.aisha);
    await fault("html");

    await expectZohoError(listRecords(aisha, students, { page: 1 }), [
      "ZOHO_MALFORMED_RESPONSE",
      "ZOHO_UNEXPECTED_STATUS",
    ]);
    await expectZohoError(
      listRecords(aisha, students, { page: 1, search: "zzqq" }),
      ["ZOHO_MALFORMED_RESPONSE", "ZOHO_UNEXPECTED_STATUS"],
    );
  });

  it("fails on an HTML error page with a 5xx status", async () => {
    const aisha = await accessOf(USERS.aisha);
    await fault("html", 502);

    await expectZohoError(listRecords(aisha, students, { page: 1 }), [
      "ZOHO_UNEXPECTED_STATUS",
    ]);
  });

  it("reports HTTP 429 as ZOHO_RATE_LIMITED", async () => {
    const aisha = await accessOf(USERS.aisha);
    await fault("429");

    await expectZohoError(listRecords(aisha, students, { page: 1 }), [
      "ZOHO_RATE_LIMITED",
    ]);
  });

  it("reports a CRM 5xx as ZOHO_UNEXPECTED_STATUS", async () => {
    const aisha = await accessOf(USERS.aisha);
    await fault("5xx");

    await expectZohoError(listRecords(aisha, students, { page: 1 }), [
      "ZOHO_UNEXPECTED_STATUS",
    ]);
  });
});

describe("getRecord", () => {
  it("returns a visible record with its detail fields", async () => {
    const aisha = await accessOf(USERS.aisha);
    const [first] = (await listRecords(aisha, students, { page: 1 })).records;

    const record = await getRecord(aisha, students, first!.id);

    expect(record?.id).toBe(first!.id);
    expect(record?.values.Full_Name).toBe(first!.values.Full_Name);
    expect(record?.values.Owner).toBe("Aisha Khan");
  });

  it("returns null for an unknown record id", async () => {
    const aisha = await accessOf(USERS.aisha);

    expect(await getRecord(aisha, students, "999999999999")).toBeNull();
  });

  it("returns null for another user's record", async () => {
    const [priya, aisha] = [
      await accessOf(USERS.priya),
      await accessOf(USERS.aisha),
    ];
    const all = (await listRecords(priya, students, { page: 1 })).records;
    const others = all.find((r) => r.values.Owner !== "Aisha Khan")!;

    expect(await getRecord(aisha, students, others.id)).toBeNull();
  });
});

describe("countRecords", () => {
  it("counts only the records the user can see", async () => {
    const aisha = await accessOf(USERS.aisha);
    const page = await listRecords(aisha, students, { page: 1 });

    const count = await countRecords(aisha, students);

    expect(page.moreRecords).toBe(false);
    expect(count).toBe(page.records.length);
  });

  it("fails rather than count zero on an HTML page", async () => {
    const aisha = await accessOf(USERS.aisha);
    await fault("html");

    await expectZohoError(countRecords(aisha, students), [
      "ZOHO_MALFORMED_RESPONSE",
      "ZOHO_UNEXPECTED_STATUS",
    ]);
  });
});

describe("fetchCurrentUser", () => {
  it("returns the CRM user behind the token", async () => {
    const aisha = await accessOf(USERS.aisha);

    const user = await fetchCurrentUser(aisha);

    expect(user).toMatchObject({
      email: USERS.aisha,
      fullName: "Aisha Khan",
      profile: "Standard",
    });
  });

  it("reports a user without API access as ZOHO_NO_PERMISSION", async () => {
    const kwame = await accessOf(USERS.kwame);

    await expectZohoError(fetchCurrentUser(kwame), ["ZOHO_NO_PERMISSION"]);
  });
});
