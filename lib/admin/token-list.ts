/**
 * The admin console's and the CLI's view of the token store: one row per
 * stored token with its user, data centre and dates, and the user's live
 * browser sessions. Built from getTokens(); never a token value.
 */
import { liveSessionCounts } from "@/lib/sessions/store";
import type { OAuthToken } from "@/lib/token-store";

import type { AdminDeps } from "./types";

/** One stored token, as an admin may see it. */
export interface TokenRow {
  id: string;
  user: string;
  /** Location code ("us", "eu"), or null for an unknown server. */
  dataCentre: string | null;
  dataCentreLabel: string;
  apiDomain: string | null;
  /** When the access token expires (epoch ms), if known. */
  expiresAt: number | null;
  /** When the row was last written: the latest refresh or sign-in. */
  lastRefreshAt: number | null;
  /** When the user first signed in with this token row. */
  firstSignInAt: number | null;
  liveSessions: number;
}

export const SORT_KEYS = [
  "user",
  "dataCentre",
  "expiry",
  "lastRefresh",
  "firstSignIn",
] as const;

/** A column the table sorts by. */
export type SortKey = (typeof SORT_KEYS)[number];

/** How to sort and filter the rows. */
export interface TokenQuery {
  sort: SortKey;
  dir: "asc" | "desc";
  /** Keeps users whose email contains this text (any case). */
  user?: string;
  /** Keeps one data centre, by location code. */
  dc?: string;
}

/** The stored tokens, filtered and sorted as `query` says. */
export async function listTokenRows(
  deps: Pick<AdminDeps, "store" | "db" | "dataCentres">,
  query: TokenQuery = { sort: "user", dir: "asc" },
): Promise<TokenRow[]> {
  const tokens = await deps.store.getTokens();
  const sessions = liveSessionCounts(deps.db);

  const rows = tokens.map((t) => toRow(deps, t, sessions));
  return sortRows(filterRows(rows, query), query);
}

function toRow(
  deps: Pick<AdminDeps, "dataCentres">,
  token: OAuthToken,
  sessions: Map<string, number>,
): TokenRow {
  const user = token.userSignature?.name ?? "(no user)";
  const dc = deps.dataCentres.byAccountsServer(token.accountsServer);
  return {
    id: token.id!,
    user,
    dataCentre: dc?.location ?? null,
    dataCentreLabel: dc?.label ?? "Unknown",
    apiDomain: token.apiDomain ?? null,
    expiresAt: token.expiryTime ?? null,
    lastRefreshAt: token.updatedAt ?? null,
    firstSignInAt: token.createdAt ?? null,
    liveSessions: sessions.get(user) ?? 0,
  };
}

function filterRows(rows: TokenRow[], query: TokenQuery): TokenRow[] {
  const text = query.user?.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!text || r.user.toLowerCase().includes(text)) &&
      (!query.dc || r.dataCentre === query.dc),
  );
}

const SORT_VALUE: Record<SortKey, (r: TokenRow) => string | number> = {
  user: (r) => r.user.toLowerCase(),
  dataCentre: (r) => r.dataCentre ?? "~",
  expiry: (r) => r.expiresAt ?? 0,
  lastRefresh: (r) => r.lastRefreshAt ?? 0,
  firstSignIn: (r) => r.firstSignInAt ?? 0,
};

function sortRows(rows: TokenRow[], query: TokenQuery): TokenRow[] {
  const value = SORT_VALUE[query.sort];
  const sign = query.dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x !== y) return x < y ? -sign : sign;
    return a.user < b.user ? -1 : a.user > b.user ? 1 : 0;
  });
}

/**
 * Reads sort and filter from query parameters (GET links and form of the
 * console); anything unknown falls back to the default.
 */
export function parseTokenQuery(
  raw: Record<string, string | string[] | undefined>,
): TokenQuery {
  const one = (key: string) => {
    const value = raw[key];
    return typeof value === "string" ? value : undefined;
  };
  const sort = SORT_KEYS.find((k) => k === one("sort")) ?? "user";
  const dir = one("dir") === "desc" ? "desc" : "asc";
  const user = one("user")?.slice(0, 100) || undefined;
  const dc = /^[a-z]{2}$/.test(one("dc") ?? "") ? one("dc") : undefined;
  return { sort, dir, user, dc };
}
