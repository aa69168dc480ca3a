/**
 * Child process of the durability tests: saves token after token into the
 * SQLite file given as argument, printing `saved <n>` once each save has
 * resolved (stdout to a pipe is synchronous on Linux, so a printed line
 * means a resolved save). Runs until killed, or for `count` saves.
 */
import { createSqliteTokenStore } from "../sqlite-store";

const [path, count = "1000000", user = ""] = process.argv.slice(2);
const store = createSqliteTokenStore({
  path: path ?? "",
  encryptionKey: process.env.TOKEN_STORE_KEYS,
});

for (let n = 0; n < Number(count); n += 1) {
  const name = user || `user-${n}@example.com`;
  await store.saveToken({
    userSignature: { name },
    clientId: "client-1",
    clientSecret: `secret-${n}`,
    accessToken: `access-${n}`,
    refreshToken: `refresh-${n}`,
  });
  process.stdout.write(`saved ${n}\n`);
}
await store.close();
