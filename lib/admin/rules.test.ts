import { describe, expect, it } from "vitest";

import { isPortalAdmin, type CrmStanding } from "./rules";

const ACADEMY = { orgId: "5843000000000001", orgZgid: "700100100" };
const rules = { admins: ["lena@zylker.example"], crmOrgs: ["700100100"] };
const admin = (org = ACADEMY): CrmStanding => ({
  profile: "Administrator",
  ...org,
});

describe("isPortalAdmin", () => {
  it("admits an email listed in PORTAL_ADMINS, whatever the CRM says", () => {
    expect(isPortalAdmin("Lena@Zylker.example", null, rules)).toBe(true);
  });

  it("admits an Administrator of the academy's org, by zgid or id", () => {
    expect(isPortalAdmin("priya@x", admin(), rules)).toBe(true);
    const byId = { ...rules, crmOrgs: [ACADEMY.orgId] };
    expect(isPortalAdmin("priya@x", admin(), byId)).toBe(true);
  });

  it("refuses an Administrator of an org of their own", () => {
    const ownOrg = admin({ orgId: "1", orgZgid: "999" });

    expect(isPortalAdmin("mallory@x", ownOrg, rules)).toBe(false);
  });

  it("refuses a Standard profile in the academy's org", () => {
    const standard = { ...admin(), profile: "Standard" };

    expect(isPortalAdmin("daniel@x", standard, rules)).toBe(false);
  });

  it("refuses every CRM Administrator when no org is configured", () => {
    expect(isPortalAdmin("priya@x", admin(), { ...rules, crmOrgs: [] })).toBe(
      false,
    );
  });
});
