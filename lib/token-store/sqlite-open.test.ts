import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { sealedBytesVersion } from "./crypto";
import { generateKeyValue } from "./key-ring";
import { createSqliteTokenStore } from "./sqlite-store";
import { removeTempDirs, tempDir } from "./testing/backends";
import type { OAuthToken } from "./types";

afterAll(removeTempDirs);

const V1 = generateKeyValue("v1");
const V2 = generateKeyValue("v2");
const isRoot = process.getuid?.() === 0;

function rawSecrets(path: string): Array<{ id: string; secrets: Buffer }> {
  const raw = new BetterSqlite3(path, { readonly: true });
  const rows = raw.prepare("SELECT id, secrets FROM oauth_tokens").all();
  raw.close();
  return rows as Array<{ id: string; secrets: Buffer }>;
}

describe("Opening a SQLite token store", () => {
  it("names the path when the folder does not exist", () => {
    const path = join(tempDir(), "missing", "tokens.db");

    const open = () => createSqliteTokenStore({ path, encryptionKey: V1 });

    expect(open).toThrow(
      expect.objectContaining({ code: "DATABASE_UNAVAILABLE" }),
    );
    expect(open).toThrow(path);
  });

  it("names the path when the folder is a file", () => {
    const file = join(tempDir(), "plain-file");
    writeFileSync(file, "");
    const path = join(file, "tokens.db");

    expect(() => createSqliteTokenStore({ path, encryptionKey: V1 })).toThrow(
      expect.objectContaining({ code: "DATABASE_UNAVAILABLE" }),
    );
  });

  it.skipIf(isRoot)("names the path when the folder is read-only", () => {
    const dir = join(tempDir(), "read-only");
    mkdirSync(dir, { mode: 0o500 });
    const path = join(dir, "tokens.db");

    expect(() => createSqliteTokenStore({ path, encryptionKey: V1 })).toThrow(
      path,
    );
    chmodSync(dir, 0o700);
  });

  it("refuses to open without a key, saying which variable to set", () => {
    const path = join(tempDir(), "tokens.db");

    const open = () =>
      createSqliteTokenStore({ path, encryptionKey: undefined });

    expect(open).toThrow(expect.objectContaining({ code: "KEY_MISSING" }));
    expect(open).toThrow(/TOKEN_STORE_KEYS.*v1:<base64 of 32 random bytes>/);
  });

  it("refuses a malformed key without echoing it", () => {
    const path = join(tempDir(), "tokens.db");
    const bad = "v1:c2hvcnQta2V5LXZhbHVl";

    const error = (() => {
      try {
        createSqliteTokenStore({ path, encryptionKey: bad });
      } catch (e) {
        return e as Error & { code: string };
      }
    })();

    expect(error?.code).toBe("KEY_INVALID");
    expect(error?.message).toContain("TOKEN_STORE_KEYS");
    expect(error?.message).not.toContain("c2hvcnQta2V5LXZhbHVl");
  });
});

describe("Key rotation in the SQLite token store", () => {
  it("reads old rows, finds them by token value, and re-seals on write", async () => {
    const path = join(tempDir(), "tokens.db");
    const old = createSqliteTokenStore({ path, encryptionKey: V1 });
    const token = { accessToken: "access-1", refreshToken: "refresh-1" };
    await old.saveToken(token);
    await old.saveToken({ accessToken: "access-2" });
    await old.close();

    const rotated = createSqliteTokenStore({
      path,
      encryptionKey: `${V2},${V1}`,
    });
    expect(await rotated.findToken({ accessToken: "access-1" })).toMatchObject(
      token,
    );
    await rotated.saveToken({ ...token, expiryTime: 5 });
    await rotated.close();

    const versions = rawSecrets(path).map((r) => sealedBytesVersion(r.secrets));
    expect(versions.sort()).toEqual(["v1", "v2"]);
    const onlyNew = createSqliteTokenStore({ path, encryptionKey: V2 });
    expect(await onlyNew.findToken({ accessToken: "access-1" })).toMatchObject({
      expiryTime: 5,
    });
    await expect(onlyNew.getTokens()).rejects.toMatchObject({
      code: "KEY_UNKNOWN_VERSION",
    });
    await onlyNew.close();
  });

  it("fails closed on altered or swapped ciphertext", async () => {
    const path = join(tempDir(), "tokens.db");
    const store = createSqliteTokenStore({ path, encryptionKey: V1 });
    const a: OAuthToken = { userSignature: { name: "a" }, refreshToken: "ra" };
    const b: OAuthToken = { userSignature: { name: "b" }, refreshToken: "rb" };
    await store.saveToken(a);
    await store.saveToken(b);
    const rows = rawSecrets(path);
    await store.close();

    const raw = new BetterSqlite3(path);
    raw
      .prepare("UPDATE oauth_tokens SET secrets = ? WHERE id = ?")
      .run(rows.find((r) => r.id === b.id)!.secrets, a.id);
    raw.close();

    const reopened = createSqliteTokenStore({ path, encryptionKey: V1 });
    await expect(reopened.findTokenById(a.id!)).rejects.toMatchObject({
      code: "DECRYPT_FAILED",
    });
    expect(await reopened.findTokenById(b.id!)).toMatchObject(b);
    await reopened.close();
  });
});
