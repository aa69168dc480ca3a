import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL(".", import.meta.url)) },
  },
  test: {
    include: ["{lib,emulator,db}/**/*.test.ts"],
    environment: "node",
    setupFiles: ["./lib/testing/loopback-only.mjs"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // "server-only" throws outside React Server Components; tests are server.
    server: { deps: { inline: ["server-only"] } },
    alias: {
      "server-only": fileURLToPath(
        new URL("./lib/testing/server-only.ts", import.meta.url),
      ),
    },
  },
});
