import { describe, expect, it } from "vitest";

import { DataCentres, toOrigin, ZOHO_DATA_CENTRES } from "./data-centres";

const EMULATED = {
  location: "us",
  accountsServer: "http://127.0.0.1:4101",
  apiDomain: "http://127.0.0.1:4102",
};
const dataCentres = new DataCentres([]);
const emulated = new DataCentres([EMULATED]);

describe("DataCentres.byAccountsServer", () => {
  it.each(ZOHO_DATA_CENTRES.map((d) => [d.accountsServer, d.location]))(
    "accepts Zoho's accounts server %s",
    (server, location) => {
      expect(dataCentres.byAccountsServer(server)?.location).toBe(location);
    },
  );

  it("accepts a configured extra, labelled as the emulator", () => {
    expect(emulated.byAccountsServer(EMULATED.accountsServer)).toEqual({
      ...EMULATED,
      label: "United States (emulator)",
    });
  });

  it("never trusts real Zoho when emulated data centres are set", () => {
    for (const dc of ZOHO_DATA_CENTRES) {
      expect(emulated.byAccountsServer(dc.accountsServer)).toBeNull();
      expect(emulated.byApiDomain(dc.apiDomain)).toBeNull();
    }
  });

  it("accepts the same origin written with a trailing slash", () => {
    const dc = dataCentres.byAccountsServer("https://accounts.zoho.eu/");

    expect(dc?.location).toBe("eu");
  });

  it.each([
    "https://accounts.zoho.com.evil.example",
    "http://accounts.zoho.com",
    "https://user@accounts.zoho.com@evil.example",
    "https://accounts.zoho.com@evil.example",
    "https://evil.example/?https://accounts.zoho.com",
    "https://evil.example/#https://accounts.zoho.com",
    "https://accounts.zoho.com:8443",
    "https://accounts.zoho.com.",
    "https://accounts-zoho.com",
    "//accounts.zoho.com",
    "accounts.zoho.com",
    "javascript:alert(document.domain)//https://accounts.zoho.com",
    "data:text/html,https://accounts.zoho.com",
    "http://127.0.0.1:4102",
    "http://localhost:4101",
    "",
    " ",
  ])("rejects the look-alike %j", (server) => {
    expect(dataCentres.byAccountsServer(server)).toBeNull();
  });

  it("rejects a missing value", () => {
    expect(dataCentres.byAccountsServer(undefined)).toBeNull();
    expect(dataCentres.byAccountsServer(null)).toBeNull();
  });

  it("knows no extra that was not configured", () => {
    expect(dataCentres.byAccountsServer(EMULATED.accountsServer)).toBeNull();
  });
});

describe("DataCentres.byApiDomain", () => {
  it("accepts Zoho's API domains and configured extras only", () => {
    expect(dataCentres.byApiDomain("https://www.zohoapis.eu")?.location).toBe(
      "eu",
    );
    expect(emulated.byApiDomain(EMULATED.apiDomain)?.location).toBe("us");
    expect(
      dataCentres.byApiDomain("https://www.zohoapis.eu.evil.example"),
    ).toBeNull();
    expect(emulated.byApiDomain(EMULATED.accountsServer)).toBeNull();
  });
});

describe("toOrigin", () => {
  it("keeps only http(s) origins", () => {
    expect(toOrigin("https://accounts.zoho.com/oauth?x=1")).toBe(
      "https://accounts.zoho.com",
    );
    expect(toOrigin("ftp://accounts.zoho.com")).toBeNull();
    expect(toOrigin("not a url")).toBeNull();
  });
});
