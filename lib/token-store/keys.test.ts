import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { log } from "../log";
import { openSecret, sealSecret } from "./crypto";
import { generateKeyValue, loadKeyRing } from "./keys";
import { removeTempDirs, tempDir } from "./testing/backends";

afterAll(removeTempDirs);

function errorOf(fn: () => unknown): Error & { code?: string } {
  try {
    fn();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error("expected a throw");
}

describe("loadKeyRing", () => {
  it("takes the first listed key as current", () => {
    const ring = loadKeyRing({
      value: `${generateKeyValue("v2")}, ${generateKeyValue("v1")}`,
    });

    expect(ring.current).toBe("v2");
    expect(ring.versions).toEqual(["v2", "v1"]);
  });

  it("says which variable to set and how when no key is given", () => {
    const error = errorOf(() => loadKeyRing({ value: "" }));

    expect(error.code).toBe("KEY_MISSING");
    expect(error.message).toContain("TOKEN_STORE_KEYS");
    expect(error.message).toContain("v1:<base64 of 32 random bytes>");
    expect(error.message).toContain("randomBytes(32)");
  });

  it.each([
    ["no version", Buffer.alloc(32).toString("base64")],
    ["a short key", "v1:" + Buffer.alloc(16, 9).toString("base64")],
    ["a long key", "v1:" + Buffer.alloc(48, 9).toString("base64")],
    ["a bad version", "v.1:" + Buffer.alloc(32, 9).toString("base64")],
    [
      "a repeated version",
      `${generateKeyValue("v1")},${generateKeyValue("v1")}`,
    ],
  ])("refuses %s without echoing the value", (_, value) => {
    const error = errorOf(() => loadKeyRing({ value }));

    expect(error.code).toBe("KEY_INVALID");
    expect(error.message).toContain("TOKEN_STORE_KEYS");
    expect(error.message).not.toContain(value.slice(-20));
  });
});

describe("The demo key", () => {
  it("is generated once in a 0600 file, logged by path only", () => {
    const file = join(tempDir(), "keys", "demo.key");
    const warn = vi.spyOn(log, "warn").mockImplementation(() => undefined);

    const first = loadKeyRing({ demoKeyFile: file });
    const second = loadKeyRing({ demoKeyFile: file });

    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(file, "..")).mode & 0o777).toBe(0o700);
    expect(openSecret(second, sealSecret(first, "x"))).toBe("x");
    const logged = JSON.stringify(warn.mock.calls);
    expect(logged).toContain(file);
    expect(logged).toContain('"created":true');
    expect(logged).not.toContain(readFileSync(file, "utf8").trim().slice(3));
    warn.mockRestore();
  });

  it("is ignored when TOKEN_STORE_KEYS is set", () => {
    const file = join(tempDir(), "demo.key");
    const value = generateKeyValue("prod");

    const ring = loadKeyRing({ value, demoKeyFile: file });

    expect(ring.current).toBe("prod");
    expect(() => statSync(file)).toThrow();
  });

  it("tightens a key file readable by others", () => {
    const dir = join(tempDir(), "loose");
    mkdirSync(dir);
    const file = join(dir, "demo.key");
    writeFileSync(file, `${generateKeyValue("v1")}\n`, { mode: 0o644 });
    vi.spyOn(log, "warn").mockImplementation(() => undefined);

    loadKeyRing({ demoKeyFile: file });

    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("refuses a damaged key file as KEY_INVALID", () => {
    const file = join(tempDir(), "demo.key");
    writeFileSync(file, "not a key", { mode: 0o600 });

    expect(errorOf(() => loadKeyRing({ demoKeyFile: file })).code).toBe(
      "KEY_INVALID",
    );
  });
});
