import { readFileSync } from "node:fs";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createSqliteTokenStore } from "./sqlite-store";
import { removeTempDirs, TEST_KEYS, tempDir } from "./testing/backends";
import { runChild, startChild } from "./testing/child";
import type { OAuthToken } from "./types";

afterAll(removeTempDirs);

/** Starts the save loop and kills it with SIGKILL after `after` saves. */
async function killMidLoop(path: string, after: number): Promise<number[]> {
  const child = startChild("save-loop.ts", [path]);
  const acked: number[] = [];
  let buffer = "";

  await new Promise<void>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", () => resolve());
    child.stdout?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) acked.push(Number(line.split(" ")[1]));
      if (acked.length >= after) child.kill("SIGKILL");
    });
  });
  return acked;
}

describe("SQLite token store on disk", () => {
  it("yields every token, decrypted, to a new process", async () => {
    const path = join(tempDir(), "tokens.db");
    const store = createSqliteTokenStore({ path, encryptionKey: TEST_KEYS });
    const saved: OAuthToken[] = [];
    for (let i = 0; i < 20; i += 1) {
      const token = {
        userSignature: { name: `user-${i}` },
        clientSecret: `secret-${i}`,
        refreshToken: `refresh-${i}`,
      };
      await store.saveToken(token);
      saved.push(token);
    }
    await store.close();

    const read = JSON.parse(await runChild("read-all.ts", [path]));

    expect(read).toHaveLength(20);
    expect(read).toEqual(
      expect.arrayContaining(saved.map((t) => expect.objectContaining(t))),
    );
  });

  it("survives SIGKILL mid save loop with every acknowledged save", async () => {
    const path = join(tempDir(), "tokens.db");

    const acked = await killMidLoop(path, 300);

    const raw = new BetterSqlite3(path);
    expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
    raw.close();
    const store = createSqliteTokenStore({ path, encryptionKey: TEST_KEYS });
    for (const n of acked) {
      const found = await store.findToken({
        userSignature: { name: `user-${n}@example.com` },
        clientId: "client-1",
      });
      expect(found).toMatchObject({ refreshToken: `refresh-${n}` });
    }
    expect(acked.length).toBeGreaterThanOrEqual(300);
    await store.close();
  });

  it("keeps one row when processes race to save one new user", async () => {
    const path = join(tempDir(), "tokens.db");
    const args = [path, "25", "shared@example.com"];

    await Promise.all([1, 2, 3, 4].map(() => runChild("save-loop.ts", args)));

    const store = createSqliteTokenStore({ path, encryptionKey: TEST_KEYS });
    const rows = await store.getTokens();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.userSignature?.name).toBe("shared@example.com");
    await store.close();
  });

  it("leaves no token value in the database or WAL bytes", async () => {
    const path = join(tempDir(), "tokens.db");
    const store = createSqliteTokenStore({ path, encryptionKey: TEST_KEYS });
    const secrets: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      const token = {
        userSignature: { name: `user-${i}` },
        clientId: "client-1",
        clientSecret: `SECRET-${i}-${crypto.randomUUID()}`,
        accessToken: `ACCESS-${i}-${crypto.randomUUID()}`,
        refreshToken: `REFRESH-${i}-${crypto.randomUUID()}`,
        grantToken: `GRANT-${i}-${crypto.randomUUID()}`,
      };
      await store.saveToken(token);
      await store.saveToken({
        ...token,
        accessToken: `${token.accessToken}-2`,
      });
      secrets.push(token.clientSecret, token.accessToken, token.refreshToken);
      secrets.push(token.grantToken, `${token.accessToken}-2`);
    }

    const bytes = Buffer.concat([
      readFileSync(path),
      readFileSync(`${path}-wal`),
    ]);

    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.includes("user-49")).toBe(true);
    for (const value of secrets) {
      expect(bytes.includes(value)).toBe(false);
      expect(bytes.includes(Buffer.from(value, "utf16le"))).toBe(false);
    }
    await store.close();
  });
});
