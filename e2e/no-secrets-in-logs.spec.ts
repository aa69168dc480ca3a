import fs from "node:fs";
import path from "node:path";

import { expect, seenSecrets, test } from "./support/fixtures";
import { dataDir, portalEnv } from "./support/world";

/** Runs after every other spec (see playwright.config.ts projects). */
test("the run's logs contain no token, code, cookie or secret value", () => {
  const logText = fs.readFileSync(path.join(dataDir, "portal.log"), "utf8");
  expect(logText).toContain('"event":"signed_in"');
  expect(logText).toContain('"event":"token_refreshed"');

  const secrets = [
    ...seenSecrets(),
    portalEnv.ZOHO_CLIENT_SECRET!,
    portalEnv.NEXTAUTH_SECRET!,
  ];
  expect(secrets.length).toBeGreaterThan(10);
  const leaked = secrets.filter((s) => logText.includes(s));
  expect(leaked).toEqual([]);
});
