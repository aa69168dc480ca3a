import { describe, expect, it } from "vitest";

import { cliEnv, EnvError, parseEnv } from "./env";

const VALID = {
  NEXTAUTH_URL: "http://127.0.0.1:3000",
  NEXTAUTH_SECRET: "a".repeat(32),
  ZOHO_CLIENT_ID: "1000.CLIENT",
  ZOHO_CLIENT_SECRET: "client-secret-value",
};

function errorOf(source: Record<string, string>): EnvError {
  try {
    parseEnv({ ...VALID, ...source });
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return error as EnvError;
  }
  throw new Error("parseEnv accepted the environment");
}

describe("parseEnv", () => {
  it("fills in the defaults of a minimal environment", () => {
    const env = parseEnv(VALID);

    expect(env).toMatchObject({
      ZOHO_ACCOUNTS_URL: "https://accounts.zoho.com",
      ZOHO_EXTRA_DATA_CENTRES: [],
      DATABASE_PATH: "./data/portal.db",
      PORTAL_DEMO: false,
      PORTAL_ADMINS: [],
      LOG_LEVEL: "info",
    });
  });

  // Every bad value carries the marker "sekrit": none may reach a message.
  it.each([
    ["NEXTAUTH_SECRET", "short-secret-value"],
    ["NEXTAUTH_SECRET", "sekrit-0123456789"],
    ["ZOHO_CLIENT_SECRET", "sekrit!"],
    ["NEXTAUTH_URL", "ftp://sekrit.example/path"],
    ["ZOHO_ACCOUNTS_URL", "not a url sekrit"],
    ["ZOHO_EXTRA_DATA_CENTRES", "us=http://sekrit.example:1"],
    ["ZOHO_EXTRA_DATA_CENTRES", "us=ftp://sekrit.example|http://b.example"],
    ["PORTAL_DEMO", "sekrit"],
    ["PORTAL_ADMINS", "sekrit-not-an-email"],
    ["LOG_LEVEL", "sekrit"],
  ])("names %s and never echoes its value %j", (name, value) => {
    const error = errorOf({ [name]: value });

    expect(error.code).toBe("ENV_INVALID");
    expect(error.message).toContain(name);
    expect(error.message).not.toContain(value);
    expect(error.message.toLowerCase()).not.toMatch(/sekrit|short-secret/);
  });

  it("names a missing required variable", () => {
    const { NEXTAUTH_SECRET: _, ...rest } = VALID;

    expect(() => parseEnv(rest)).toThrow(/NEXTAUTH_SECRET/);
  });

  it("lists every bad variable at once", () => {
    const error = errorOf({ NEXTAUTH_SECRET: "x", LOG_LEVEL: "loud" });

    expect(error.message).toMatch(/NEXTAUTH_SECRET[\s\S]*LOG_LEVEL/);
  });

  it("reads an emulated data centre as location=accountsURL|apiURL", () => {
    const env = parseEnv({
      ...VALID,
      ZOHO_EXTRA_DATA_CENTRES: "us=http://127.0.0.1:1|http://127.0.0.1:2",
    });

    expect(env.ZOHO_EXTRA_DATA_CENTRES).toEqual([
      {
        location: "us",
        accountsServer: "http://127.0.0.1:1",
        apiDomain: "http://127.0.0.1:2",
      },
    ]);
  });

  it("reads several emulated data centres separated by commas", () => {
    const env = parseEnv({
      ...VALID,
      ZOHO_EXTRA_DATA_CENTRES: [
        "us=http://127.0.0.1:1|http://127.0.0.1:2",
        " eu=http://127.0.0.1:3|http://127.0.0.1:4",
      ].join(","),
    });

    expect(env.ZOHO_EXTRA_DATA_CENTRES.map((d) => d.location)).toEqual([
      "us",
      "eu",
    ]);
  });

  it("reads PORTAL_DEMO and PORTAL_ADMINS", () => {
    const env = parseEnv({
      ...VALID,
      PORTAL_DEMO: "1",
      PORTAL_ADMINS: "a@zylker.example, b@zylker.example",
    });

    expect(env.PORTAL_DEMO).toBe(true);
    expect(env.PORTAL_ADMINS).toEqual(["a@zylker.example", "b@zylker.example"]);
  });
});

describe("cliEnv", () => {
  it("needs none of the web app's variables and logs at warn", () => {
    expect(cliEnv({ DATABASE_PATH: "/tmp/x.db" })).toMatchObject({
      DATABASE_PATH: "/tmp/x.db",
      LOG_LEVEL: "warn",
      ZOHO_EXTRA_DATA_CENTRES: [],
    });
  });
});
