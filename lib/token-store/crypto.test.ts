import { describe, expect, it } from "vitest";
import { openSecret, sealSecret, tokenDigests } from "./crypto";
import { generateKeyValue, parseKeyRing } from "./key-ring";

const ring = parseKeyRing(
  `${generateKeyValue("v2")},${generateKeyValue("v1")}`,
);

describe("sealSecret and openSecret", () => {
  it("round-trips any text and names the current key version", () => {
    const text = "pending-revoke: 1000.abc'\"😀";

    const sealed = sealSecret(ring, text);

    expect(sealed.startsWith("v2.")).toBe(true);
    expect(sealed).not.toContain("1000.abc");
    expect(openSecret(ring, sealed)).toBe(text);
  });

  it("seals the same text differently each time", () => {
    expect(sealSecret(ring, "x")).not.toBe(sealSecret(ring, "x"));
  });

  it("accepts a TOKEN_STORE_KEYS string as the key", () => {
    const value = generateKeyValue("k");

    expect(openSecret(value, sealSecret(value, "hello"))).toBe("hello");
  });

  it("refuses another context, an altered value and garbage", () => {
    const sealed = sealSecret(ring, "secret", "row-1");
    const flipped = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BA" : "AA");

    for (const [value, context] of [
      [sealed, "row-2"],
      [flipped, "row-1"],
      ["v2.not-sealed", "row-1"],
    ]) {
      expect(() => openSecret(ring, value!, context)).toThrow(
        expect.objectContaining({ code: "DECRYPT_FAILED" }),
      );
    }
  });

  it("refuses a value sealed by a key the ring does not list", () => {
    const other = parseKeyRing(generateKeyValue("v9"));

    expect(() => openSecret(ring, sealSecret(other, "x"))).toThrow(
      expect.objectContaining({ code: "KEY_UNKNOWN_VERSION" }),
    );
  });
});

describe("tokenDigests", () => {
  it("differs by key version and by kind, never contains the value", () => {
    const [current, old] = tokenDigests(ring, "access", "value-1");
    const [asRefresh] = tokenDigests(ring, "refresh", "value-1");

    expect(current).not.toBe(old);
    expect(current).not.toBe(asRefresh);
    expect(current).not.toContain("value-1");
  });
});
