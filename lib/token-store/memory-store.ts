/**
 * The in-memory backend: a Map of plain rows, for tests and one-process
 * demos. Nothing is encrypted (nothing is at rest) and lookups scan every
 * row, which is fine for the few tokens such a process holds.
 */
import { createStore, type StoredToken, type SyncBackend } from "./core";
import type { PortalTokenStore } from "./types";

interface MemoryRow extends StoredToken {
  leaseOwner?: string;
  leaseUntil?: number;
}

function memoryBackend(): SyncBackend {
  const rows = new Map<string, MemoryRow>();
  const first = (test: (row: MemoryRow) => boolean) => {
    for (const row of rows.values()) if (test(row)) return withoutLease(row);
    return null;
  };
  const byId = (id: string) => {
    const row = rows.get(id);
    return row ? withoutLease(row) : null;
  };

  return {
    transaction: (fn) => fn(),
    byId,
    byUser: (userName, clientId) =>
      first((r) => r.userName === userName && (r.clientId ?? "") === clientId),
    byAccess: (accessToken) => first((r) => r.accessToken === accessToken),
    byGrant: (clientId, grantToken) =>
      first((r) => r.clientId === clientId && r.grantToken === grantToken),
    byRefresh: (clientId, refreshToken) =>
      first((r) => r.clientId === clientId && r.refreshToken === refreshToken),
    insert: (row) => void rows.set(row.id, { ...row }),
    update: (row) => void rows.set(row.id, { ...rows.get(row.id), ...row }),
    remove: (id) => void rows.delete(id),
    all: () => [...rows.values()].map(withoutLease),
    removeAll: () => rows.clear(),
    tryLease: (id, owner, until, now) => {
      const row = rows.get(id);
      if (!row) return false;
      const free =
        row.leaseUntil === undefined ||
        row.leaseUntil < now ||
        row.leaseOwner === owner;
      if (free) Object.assign(row, { leaseOwner: owner, leaseUntil: until });
      return free;
    },
    releaseLease: (id, owner) => {
      const row = rows.get(id);
      if (row?.leaseOwner !== owner) return;
      delete row.leaseOwner;
      delete row.leaseUntil;
    },
    close: () => rows.clear(),
  };
}

function withoutLease(row: MemoryRow): StoredToken {
  const { leaseOwner: _owner, leaseUntil: _until, ...token } = row;
  return token;
}

/** A PortalTokenStore held in this process's memory. */
export function createMemoryTokenStore(): PortalTokenStore {
  return createStore(memoryBackend());
}
