/**
 * What the admin and CLI specs add to the world: a signed-in user in a
 * browser context of its own, the emulator's view of a refresh token, and
 * the audit trail read from the portal's database.
 */
import Database from "better-sqlite3";
import type { Browser, BrowserContext } from "@playwright/test";

import { digestOf } from "@/emulator/http/digest";

import { PortalPage } from "../pages/portal";
import { rememberSession } from "./fixtures";
import { dbPath, emulator, storedToken } from "./world";

/** A user signed in in a fresh browser context. */
export interface SignedInUser {
  context: BrowserContext;
  portal: PortalPage;
  refreshToken: string;
}

/** Signs `email` in, in a new context; remembers its secrets. */
export async function signInAs(
  browser: Browser,
  email: string,
): Promise<SignedInUser> {
  const context = await browser.newContext();
  const portal = new PortalPage(await context.newPage());
  await portal.signIn(email);
  await rememberSession(context, email);
  const token = await storedToken(email);
  return { context, portal, refreshToken: token!.refreshToken! };
}

/** When the emulator revoked this refresh token; null while it lives. */
export async function revokedAt(refreshToken: string): Promise<number | null> {
  const digest = digestOf(refreshToken);
  const tokens = await emulator.refreshTokens();
  const entry = tokens.find((t) => t.digest === digest);
  if (!entry) throw new Error("the emulator does not know this token");
  return entry.revokedAt;
}

/** The newest audit entries, newest first. */
export function latestAudit(limit = 10) {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare("select * from audit_events order by id desc limit ?")
      .all(limit) as {
      event: string;
      actor: string;
      subject: string | null;
      data_centre: string | null;
      outcome: string;
    }[];
  } finally {
    db.close();
  }
}
