import { defineConfig } from "@playwright/test";

/** Debian's Chromium; Playwright's own browser download is not used. */
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  globalSetup: "./e2e/support/global-setup.ts",
  use: {
    launchOptions: {
      executablePath: chromium,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    trace: "off",
    screenshot: "off",
  },
  projects: [
    { name: "portal", testIgnore: /no-secrets-in-logs/ },
    {
      name: "logs",
      testMatch: /no-secrets-in-logs\.spec\.ts/,
      dependencies: ["portal"],
    },
  ],
});
