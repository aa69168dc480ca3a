/**
 * The six-method contract and the refresh leases, written once over a small
 * synchronous row backend (memory, SQLite through better-sqlite3). Inputs are
 * checked here, the matching rules applied here, so every backend behaves
 * the same. The PostgreSQL and MySQL backends planned next have async
 * drivers and will need an async twin of this file; the contract suite is
 * already backend-agnostic.
 */
import { randomUUID } from "node:crypto";
import { asStoreError, TokenStoreError } from "./errors";
import { lookupFor, type Lookup } from "./matching";
import type { OAuthToken, PortalTokenStore } from "./types";
import {
  checkEpochMs,
  checkId,
  cleanToken,
  requireIdentity,
  type CleanToken,
} from "./validate";

/** A token as stored: checked fields plus the store-owned ones. */
export type StoredToken = CleanToken & {
  id: string;
  createdAt: number;
  updatedAt: number;
};

/** What a backend provides. Every method is synchronous. */
export interface SyncBackend {
  /** Runs `fn` atomically (a write transaction where there is one). */
  transaction<T>(fn: () => T): T;
  byId(id: string): StoredToken | null;
  byUser(userName: string, clientId: string): StoredToken | null;
  byAccess(accessToken: string): StoredToken | null;
  byGrant(clientId: string, grantToken: string): StoredToken | null;
  byRefresh(clientId: string, refreshToken: string): StoredToken | null;
  insert(row: StoredToken): void;
  update(row: StoredToken): void;
  remove(id: string): void;
  all(): StoredToken[];
  removeAll(): void;
  tryLease(id: string, owner: string, until: number, now: number): boolean;
  releaseLease(id: string, owner: string): void;
  close(): void;
}

/** The stored row the matching rules pick, or null. */
function find(backend: SyncBackend, lookup: Lookup): StoredToken | null {
  if (lookup === null) return null;
  if (lookup.rule === "user") {
    return backend.byUser(lookup.userName, lookup.clientId);
  }
  if (lookup.rule === "access") return backend.byAccess(lookup.accessToken);

  const { clientId, grantToken, refreshToken } = lookup;
  const byGrant = grantToken ? backend.byGrant(clientId, grantToken) : null;
  if (byGrant) return byGrant;
  return refreshToken ? backend.byRefresh(clientId, refreshToken) : null;
}

/** A fresh caller-facing object; the client id '' reads as absent. */
function toOAuthToken(row: StoredToken): OAuthToken {
  const token: OAuthToken = { id: row.id };
  if (row.userName !== undefined) token.userSignature = { name: row.userName };
  if (row.clientId) token.clientId = row.clientId;
  for (const field of COPIED) {
    if (row[field] !== undefined) (token[field] as unknown) = row[field];
  }
  return token;
}

const COPIED = [
  "clientSecret",
  "accessToken",
  "refreshToken",
  "grantToken",
  "expiryTime",
  "redirectUrl",
  "apiDomain",
  "accountsServer",
  "createdAt",
  "updatedAt",
] as const;

function conflict(why: string): TokenStoreError {
  return new TokenStoreError("IDENTITY_CONFLICT", `Not saved: ${why}.`, {
    field: "id",
  });
}

/** One user and client id is one row: refuses a second. */
function guardIdentity(backend: SyncBackend, row: StoredToken): void {
  if (row.userName === undefined) return;
  const other = backend.byUser(row.userName, row.clientId ?? "");
  if (other && other.id !== row.id) {
    throw conflict("another token already belongs to this user and client");
  }
}

/** The write of saveToken, inside one transaction; returns the row id. */
function saveClean(backend: SyncBackend, token: CleanToken): string {
  const now = Date.now();
  const match = find(backend, lookupFor(token));
  const existing = token.id === undefined ? match : backend.byId(token.id);

  if (existing) {
    const row = { ...existing, ...token, id: existing.id, updatedAt: now };
    const moved =
      row.userName !== existing.userName || row.clientId !== existing.clientId;
    if (moved) guardIdentity(backend, row);
    backend.update(row);
    return row.id;
  }

  if (match) {
    throw conflict("the id is unknown and another token matches this one");
  }
  const row = { ...token, id: token.id ?? randomUUID() };
  const stored = { ...row, createdAt: now, updatedAt: now };
  guardIdentity(backend, stored);
  backend.insert(stored);
  return stored.id;
}

/** Runs one store operation; any failure leaves as a TokenStoreError. */
async function run<T>(action: string, fn: () => T): Promise<T> {
  try {
    return fn();
  } catch (error) {
    throw asStoreError(error, action);
  }
}

/** The PortalTokenStore over `backend`. */
export function createStore(backend: SyncBackend): PortalTokenStore {
  return {
    findToken: (token) =>
      run("find the token", () => {
        const clean = cleanToken(token);
        requireIdentity(clean);
        const row = find(backend, lookupFor(clean));
        return row ? toOAuthToken(row) : null;
      }),

    saveToken: (token) =>
      run("save the token", () => {
        const clean = cleanToken(token);
        requireIdentity(clean);
        token.id = backend.transaction(() => saveClean(backend, clean));
      }),

    deleteToken: (id) =>
      run("delete the token", () => backend.remove(checkId(id))),

    getTokens: () =>
      run("list the tokens", () => backend.all().map(toOAuthToken)),

    deleteTokens: () => run("delete the tokens", () => backend.removeAll()),

    findTokenById: (id) =>
      run("find the token", () => {
        const row = backend.byId(checkId(id));
        return row ? toOAuthToken(row) : null;
      }),

    ...leaseMethods(backend),

    close: () => run("close", () => backend.close()),
  };
}

function leaseMethods(backend: SyncBackend) {
  return {
    tryAcquireRefreshLease: (id: string, owner: string, untilMs: number) =>
      run("take the refresh lease", () => {
        const checked = [checkId(id), checkId(owner, "owner")] as const;
        const until = checkEpochMs(untilMs, "untilMs");
        return backend.tryLease(...checked, until, Date.now());
      }),

    releaseRefreshLease: (id: string, owner: string) =>
      run("release the refresh lease", () =>
        backend.releaseLease(checkId(id), checkId(owner, "owner")),
      ),
  };
}
