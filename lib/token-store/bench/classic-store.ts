/**
 * The benchmark's baseline, built the way the classic Zoho SDK sample stores
 * are (D7/D10 of the Zoho facts): table `oauthtoken` keyed only by id, plain
 * text secrets, a new connection per call, SQL built by concatenation.
 * Deliberately unsafe; never use outside this benchmark.
 */
import BetterSqlite3 from "better-sqlite3";

const COLUMNS =
  "id, user_name, client_id, client_secret, refresh_token, access_token, " +
  "grant_token, expiry_time, redirect_url, api_domain";

/** Creates the classic table and fills it with users `from`..`to - 1`. */
export function seedClassic(path: string, from: number, to: number): void {
  const db = new BetterSqlite3(path);
  db.exec(
    "CREATE TABLE IF NOT EXISTS oauthtoken (id varchar(10) PRIMARY KEY, " +
      "user_name varchar(255), client_id varchar(255), client_secret " +
      "varchar(255), refresh_token varchar(255), access_token varchar(255), " +
      "grant_token varchar(255), expiry_time varchar(20), redirect_url " +
      "varchar(255), api_domain varchar(255))",
  );
  const insert = db.prepare(
    `INSERT INTO oauthtoken (${COLUMNS}) VALUES ` +
      "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  db.transaction(() => {
    for (let i = from; i < to; i += 1) {
      insert.run(
        String(i + 1),
        benchUser(i),
        "1000.CLIENT",
        "secret",
        `1000.refresh.${i}`,
        `1000.access.${i}`,
        null,
        String(Date.now() + 3_600_000),
        null,
        "https://www.zohoapis.com",
      );
    }
  })();
  db.close();
}

/** The user name of benchmark user `i` (shared with the store's seed). */
export function benchUser(i: number): string {
  return `user-${i}@zylker.example`;
}

/** findToken as the classic sample: new connection, concatenated SQL. */
export function classicFind(path: string, userName: string): unknown {
  const db = new BetterSqlite3(path);
  try {
    return db
      .prepare(`SELECT * FROM oauthtoken WHERE user_name='${userName}'`)
      .get();
  } finally {
    db.close();
  }
}

/** saveToken as the classic sample: UPDATE by concatenation, else INSERT. */
export function classicSave(
  path: string,
  userName: string,
  accessToken: string,
): void {
  const db = new BetterSqlite3(path);
  try {
    const changed = db
      .prepare(
        `UPDATE oauthtoken SET access_token='${accessToken}', expiry_time=` +
          `'${Date.now() + 3_600_000}' WHERE user_name='${userName}'`,
      )
      .run().changes;
    if (changed > 0) return;
    const max = db.prepare("SELECT max(id) AS m FROM oauthtoken").get() as {
      m: string | null;
    };
    db.prepare(
      `INSERT INTO oauthtoken (id, user_name, access_token) VALUES ` +
        `('${Number(max.m ?? 0) + 1}', '${userName}', '${accessToken}')`,
    ).run();
  } finally {
    db.close();
  }
}
