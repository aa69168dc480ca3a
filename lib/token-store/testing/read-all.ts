/** Child process of the durability tests: prints getTokens() as JSON. */
import { createSqliteTokenStore } from "../sqlite-store";

const store = createSqliteTokenStore({
  path: process.argv[2] ?? "",
  encryptionKey: process.env.TOKEN_STORE_KEYS,
});
process.stdout.write(JSON.stringify(await store.getTokens()));
await store.close();
