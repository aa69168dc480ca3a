/**
 * The specs' `test`: a PortalPage per test, and every secret the run
 * handles (codes, cookies, tokens) remembered for the log check.
 */
import fs from "node:fs";
import path from "node:path";

import { test as base, type BrowserContext } from "@playwright/test";

import { PortalPage } from "../pages/portal";
import { dataDir, openTokenStore, storedToken } from "./world";

const SEEN = () => path.join(dataDir, "seen-secrets.txt");

/** Appends values the logs must never contain. */
export function rememberSecrets(...values: (string | undefined)[]): void {
  const lines = values.filter((v): v is string => Boolean(v && v.length >= 8));
  if (lines.length)
    fs.appendFileSync(SEEN(), lines.map((v) => `${v}\n`).join(""));
}

/** Every secret remembered so far. */
export function seenSecrets(): string[] {
  if (!fs.existsSync(SEEN())) return [];
  return fs.readFileSync(SEEN(), "utf8").split("\n").filter(Boolean);
}

/** Remembers a user's stored token values and the context's cookies. */
export async function rememberSession(context: BrowserContext, email: string) {
  const token = await storedToken(email);
  rememberSecrets(token?.accessToken, token?.refreshToken);
  const cookies = await context.cookies();
  rememberSecrets(...cookies.map((c) => c.value));
}

export const test = base.extend<{ portal: PortalPage }>({
  portal: async ({ page }, use) => {
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname.endsWith("/callback/zoho")) {
        rememberSecrets(url.searchParams.get("code") ?? undefined);
      }
    });
    await use(new PortalPage(page));
    // Every token the store holds after a test joins the log check.
    const tokens = await openTokenStore().getTokens();
    rememberSecrets(...tokens.flatMap((t) => [t.accessToken, t.refreshToken]));
  },
});

export { expect } from "@playwright/test";
