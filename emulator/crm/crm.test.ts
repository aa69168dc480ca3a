import { describe, expect, it } from "vitest";
import { crmGet, signIn } from "../testing/flow";
import { USERS, useEmulator } from "../testing/setup";

const emulator = useEmulator();

async function as(user: string, scope?: string) {
  const s = await signIn(emulator(), { user, scope });
  return (path: string) => crmGet(s.apiDomain, path, s.accessToken);
}

describe("users, org and fields", () => {
  it("returns the caller for type=CurrentUser", async () => {
    const get = await as(USERS.daniel);
    const body = await (await get("/crm/v8/users?type=CurrentUser")).json();

    expect(body.users).toHaveLength(1);
    expect(body.users[0]).toMatchObject({
      email: USERS.daniel,
      full_name: "Daniel O'Brien",
      role: { name: "Advisor" },
      profile: { name: "Standard" },
    });
    expect(body.info).toEqual({
      per_page: 200,
      count: 1,
      page: 1,
      more_records: false,
    });
  });

  it("returns the org of the token's data centre", async () => {
    const us = await (await (await as(USERS.priya))("/crm/v8/org")).json();
    const eu = await (await (await as(USERS.lena))("/crm/v8/org")).json();

    expect(us.org[0]).toMatchObject({
      company_name: "Zylker Academy",
      zgid: "700100100",
    });
    expect(eu.org[0].company_name).toBe("Zylker Academy Europe");
  });

  it("describes a module's fields", async () => {
    const get = await as(USERS.priya);
    const body = await (
      await get("/crm/v8/settings/fields?module=Deals")
    ).json();

    expect(body.fields).toContainEqual({
      api_name: "Deal_Name",
      field_label: "Deal Name",
      data_type: "text",
    });
  });

  it("needs the module parameter for fields", async () => {
    const res = await (await as(USERS.priya))("/crm/v8/settings/fields");

    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe("REQUIRED_PARAM_MISSING");
  });
});

describe("GET /crm/v8/{module}", () => {
  it("pages with info and only the requested fields", async () => {
    const get = await as(USERS.priya);
    const res = await get("/crm/v8/Contacts?fields=Email&per_page=10&page=2");
    const body = await res.json();

    expect(res.status).toBe(200);
    expect(body.data).toHaveLength(10);
    expect(Object.keys(body.data[0]).sort()).toEqual(["Email", "id"]);
    expect(body.info).toMatchObject({
      per_page: 10,
      count: 10,
      page: 2,
      more_records: true,
    });
  });

  it("sorts by sort_by and sort_order", async () => {
    const get = await as(USERS.priya);
    const path = "/crm/v8/Deals?fields=Amount&sort_by=Amount&sort_order=desc";
    const { data } = await (await get(path)).json();
    const amounts = data.map((d: { Amount: number }) => d.Amount);

    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  });

  it("requires fields", async () => {
    const res = await (await as(USERS.priya))("/crm/v8/Leads");

    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      code: "REQUIRED_PARAM_MISSING",
      details: { param_name: "fields" },
      message: "One of the expected parameter is missing",
      status: "error",
    });
  });

  it("caps per_page at 200", async () => {
    const res = await (
      await as(USERS.priya)
    )("/crm/v8/Leads?fields=Email&per_page=201");

    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe("INVALID_DATA");
  });

  it("answers 204 with an empty body past the last page", async () => {
    const res = await (
      await as(USERS.aisha)
    )("/crm/v8/Leads?fields=Email&page=50");

    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
  });

  it("shows an Administrator every record of the org", async () => {
    const get = await as(USERS.priya);
    const { data } = await (await get("/crm/v8/Contacts?fields=Owner")).json();
    const owners = new Set(data.map((r: any) => r.Owner.email));

    expect(owners.has(USERS.daniel)).toBe(true);
    expect(owners.has(USERS.lena)).toBe(false);
  });

  it.each(["Contacts", "Leads", "Deals"])(
    "shows a student only their own %s",
    async (module) => {
      const get = await as(USERS.hana);
      const res = await get(`/crm/v8/${module}?fields=Owner`);
      const { data } = await res.json();

      expect(data.length).toBeGreaterThanOrEqual(5);
      for (const r of data) expect(r.Owner.email).toBe(USERS.hana);
    },
  );
});

describe("GET /crm/v8/{module}/{id}", () => {
  it("returns a visible record and hides another owner's", async () => {
    const admin = await as(USERS.priya);
    const all = await (await admin("/crm/v8/Deals?fields=Owner")).json();
    const mine = all.data.find((r: any) => r.Owner.email === USERS.aisha);
    const theirs = all.data.find((r: any) => r.Owner.email === USERS.daniel);

    const get = await as(USERS.aisha);
    const ok = await (await get(`/crm/v8/Deals/${mine.id}`)).json();
    const hidden = await get(`/crm/v8/Deals/${theirs.id}`);
    expect(ok.data[0]).toMatchObject({
      id: mine.id,
      Stage: expect.any(String),
    });
    expect(hidden.status).toBe(400);
    expect((await hidden.json()).code).toBe("INVALID_DATA");
  });
});

describe("GET /crm/v8/{module}/search", () => {
  it("matches criteria", async () => {
    const get = await as(USERS.priya);
    const q = encodeURIComponent(
      "((Stage:equals:Closed Won)and(Amount:greater_than:100))",
    );
    const { data } = await (
      await get(`/crm/v8/Deals/search?criteria=${q}`)
    ).json();

    expect(data.length).toBeGreaterThan(0);
    for (const d of data) expect(d.Stage).toBe("Closed Won");
  });

  it("matches email and word", async () => {
    const get = await as(USERS.priya);
    const list = await (
      await get("/crm/v8/Contacts?fields=Email,Last_Name")
    ).json();
    const { Email } = list.data[0];

    const byEmail = await (
      await get(`/crm/v8/Contacts/search?email=${encodeURIComponent(Email)}`)
    ).json();
    const byWord = await (
      await get("/crm/v8/Contacts/search?word=O'Connor")
    ).json();
    expect(byEmail.data.map((r: any) => r.Email)).toEqual([Email]);
    expect(byWord.data.length).toBeGreaterThan(0);
  });

  it("answers 204 for an empty search", async () => {
    const res = await (
      await as(USERS.priya)
    )("/crm/v8/Leads/search?email=nobody%40nowhere.example");

    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
  });

  it.each([
    ["", "REQUIRED_PARAM_MISSING"],
    ["?criteria=(Email:sounds_like:x)", "INVALID_QUERY"],
    ["?criteria=(Nope:equals:x)", "INVALID_QUERY"],
    ["?criteria=((Email:equals:x)", "INVALID_QUERY"],
    ["?email=a%40b.c&word=ab", "INVALID_QUERY"],
  ])("rejects search%s with %s", async (query, code) => {
    const res = await (await as(USERS.priya))(`/crm/v8/Leads/search${query}`);

    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe(code);
  });
});
