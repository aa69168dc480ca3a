/**
 * Test world for lib/auth: the emulator on free ports, the portal's env
 * pointing at it, a temporary database, and helpers to store real tokens.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, beforeEach } from "vitest";

import { signIn, TEST_CLIENT } from "@/emulator/testing/flow";
import { control, USERS, useEmulator } from "@/emulator/testing/setup";
import type { OAuthToken } from "@/lib/token-store";

export const HOUR_MS = 3_600_000;

type AuthModules = Awaited<ReturnType<typeof loadAuth>>;

// lib/env.ts and lib/log.ts read process.env once: set it before importing.
async function loadAuth(folder: string, emu: ReturnType<typeof useEmulator>) {
  process.env.LOG_LEVEL = "silent";
  const { generateKeyValue } = await import("@/lib/token-store");
  const dcs = Object.values(emu().dataCentres);
  Object.assign(process.env, {
    NEXTAUTH_URL: "http://127.0.0.1:3000",
    NEXTAUTH_SECRET: "test-nextauth-secret-0123456789abcdef",
    ZOHO_CLIENT_ID: TEST_CLIENT.clientId,
    ZOHO_CLIENT_SECRET: TEST_CLIENT.clientSecret,
    ZOHO_ACCOUNTS_URL: emu().dataCentres.us!.accountsUrl,
    ZOHO_EXTRA_DATA_CENTRES: dcs
      .map((d) => `${d.location}=${d.accountsUrl}|${d.apiUrl}`)
      .join(","),
    DATABASE_PATH: join(folder, "portal.db"),
    TOKEN_STORE_KEYS: generateKeyValue(),
    PORTAL_DEMO: "0",
  });
  return {
    ...(await import("../access-token")),
    ...(await import("../config")),
    ...(await import("../errors")),
    ...(await import("../sessions")),
  };
}

/** Registers the hooks of the world; call once at the top of a file. */
export function useTokenWorld() {
  const emulator = useEmulator();
  const folder = mkdtempSync(join(tmpdir(), "access-token-"));
  let modules: AuthModules | undefined;

  beforeAll(async () => {
    modules = await loadAuth(folder, emulator);
  });
  beforeEach(async () => {
    await auth().tokenStore().deleteTokens();
  });
  afterAll(async () => {
    await modules?.tokenStore().close();
    rmSync(folder, { recursive: true, force: true });
  });

  function auth(): AuthModules {
    if (!modules) throw new Error("token world not started");
    return modules;
  }

  /** Signs `user` in at the emulator and stores the token as the portal. */
  async function storedToken(expiresInMs: number, user = USERS.aisha) {
    const tokens = await signIn(emulator(), { user });
    const token: OAuthToken = {
      userSignature: { name: user },
      clientId: TEST_CLIENT.clientId,
      clientSecret: TEST_CLIENT.clientSecret,
      refreshToken: tokens.refreshToken!,
      accessToken: tokens.accessToken,
      expiryTime: Date.now() + expiresInMs,
      apiDomain: tokens.apiDomain,
      accountsServer: tokens.accountsUrl,
    };
    await auth().tokenStore().saveToken(token);
    const tokenId = token.id!;
    const session = { userName: user, tokenId, createdAt: Date.now() };
    return { token: token as Required<OAuthToken>, session };
  }

  /** Refresh grants the emulator answered since its last reset. */
  async function refreshGrants(): Promise<number> {
    const { entries } = await control(emulator(), "GET", "/log");
    return entries.filter(
      (e: { kind: string; grantType?: string }) =>
        e.kind === "token" && e.grantType === "refresh_token",
    ).length;
  }

  return { emulator, auth, storedToken, refreshGrants };
}
