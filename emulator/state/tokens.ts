/**
 * Grant codes, refresh tokens and access tokens with Zoho's limits: single
 * use codes with a TTL, the refresh throttle, live-token caps and eviction.
 */
import { digestOf, newZohoToken } from "../http/digest";
import type { EmulatorLimits } from "../types";
import type { EmulatorClock } from "./clock";
import {
  isLiveRefresh,
  type ZohoAccessGrant,
  type ZohoGrantCode,
  type ZohoRefreshGrant,
} from "./grants";

/** Who a new token is for. */
export interface ZohoTokenOwner {
  zuid: string;
  clientId: string;
  dc: string;
  scopes: string[];
}

/** Outcome of a refresh grant. */
export type ZohoRefreshOutcome =
  | { ok: true; accessToken: string; grant: ZohoRefreshGrant }
  | { ok: false; error: "invalid_code" | "throttled" };

/** All token state of the emulator, shared by every data centre. */
export class TokenState {
  readonly codes = new Map<string, ZohoGrantCode>();
  readonly refresh = new Map<string, ZohoRefreshGrant>();
  readonly access = new Map<string, ZohoAccessGrant>();

  constructor(
    private readonly clock: EmulatorClock,
    private readonly limits: EmulatorLimits,
  ) {}

  /** Forgets every code and token. */
  clear(): void {
    this.codes.clear();
    this.refresh.clear();
    this.access.clear();
  }

  /** Stores a new grant code and returns its value. */
  issueCode(code: Omit<ZohoGrantCode, "createdAt" | "usedAt">): string {
    const value = newZohoToken();
    this.codes.set(value, {
      ...code,
      createdAt: this.clock.now(),
      usedAt: null,
    });
    return value;
  }

  /**
   * Burns a code for `clientId` at `dc`. Used, expired, unknown, foreign and
   * other-DC codes all give undefined (Zoho: invalid_code).
   */
  takeCode(value: string, clientId: string, dc: string) {
    const code = this.codes.get(value);
    if (!code || code.clientId !== clientId || code.dc !== dc) return;
    if (code.usedAt !== null) return;

    const now = this.clock.now();
    code.usedAt = now;
    if (now - code.createdAt >= this.limits.codeTtlMs) return;
    return code;
  }

  /**
   * True once the user has given the client offline consent: a refresh
   * token was minted for them before, live, revoked or evicted since.
   */
  hadOfflineConsent(zuid: string, clientId: string): boolean {
    return [...this.refresh.values()].some(
      (g) => g.zuid === zuid && g.clientId === clientId,
    );
  }

  /** Mints a refresh token; the 21st live one evicts the oldest. */
  mintRefresh(owner: ZohoTokenOwner): string {
    const now = this.clock.now();
    const live = [...this.refresh.entries()].filter(
      ([, g]) =>
        g.zuid === owner.zuid &&
        g.clientId === owner.clientId &&
        isLiveRefresh(g),
    );
    const excess = live.length + 1 - this.limits.refreshTokensPerUserClient;
    for (const [value, grant] of live.slice(0, Math.max(0, excess))) {
      grant.evictedAt = now;
      this.endAccessOf(value, "evictedAt");
    }

    const value = newZohoToken();
    this.refresh.set(value, {
      zuid: owner.zuid,
      clientId: owner.clientId,
      dc: owner.dc,
      scopes: owner.scopes,
      digest: digestOf(value),
      createdAt: now,
      revokedAt: null,
      evictedAt: null,
      windowStart: now,
      windowCount: 0,
    });
    return value;
  }

  /** Mints an access token; past the live cap the oldest one is evicted. */
  mintAccess(owner: ZohoTokenOwner, refreshToken: string | null): string {
    const now = this.clock.now();
    if (refreshToken !== null) this.evictOldestAccess(refreshToken, now);

    const value = newZohoToken();
    this.access.set(value, {
      zuid: owner.zuid,
      clientId: owner.clientId,
      dc: owner.dc,
      scopes: owner.scopes,
      digest: digestOf(value),
      refreshToken,
      createdAt: now,
      expiresAt: now + this.limits.accessTokenTtlMs,
      revokedAt: null,
      evictedAt: null,
    });
    return value;
  }

  /** The refresh grant: checks owner and DC, applies the throttle, mints. */
  refreshAccess(
    value: string,
    clientId: string,
    dc: string,
  ): ZohoRefreshOutcome {
    const grant = this.refresh.get(value);
    if (!grant || grant.clientId !== clientId || grant.dc !== dc) {
      return { ok: false, error: "invalid_code" };
    }
    if (!isLiveRefresh(grant)) return { ok: false, error: "invalid_code" };

    const now = this.clock.now();
    if (now - grant.windowStart >= this.limits.refreshWindowMs) {
      grant.windowStart = now;
      grant.windowCount = 0;
    }
    if (grant.windowCount >= this.limits.refreshesPerWindow) {
      return { ok: false, error: "throttled" };
    }

    grant.windowCount += 1;
    const accessToken = this.mintAccess(grant, value);
    return { ok: true, accessToken, grant };
  }

  /**
   * Revokes a refresh token with all its access tokens, or one access
   * token. False when the token is unknown, dead or of another DC.
   */
  revoke(value: string, dc: string): boolean {
    const now = this.clock.now();
    const refresh = this.refresh.get(value);
    if (refresh && refresh.dc === dc && isLiveRefresh(refresh)) {
      refresh.revokedAt = now;
      this.endAccessOf(value, "revokedAt");
      return true;
    }

    const access = this.access.get(value);
    if (!access || access.dc !== dc || access.revokedAt !== null) return false;
    access.revokedAt = now;
    return true;
  }

  private evictOldestAccess(refreshToken: string, now: number): void {
    const live = [...this.access.values()].filter(
      (g) =>
        g.refreshToken === refreshToken &&
        g.revokedAt === null &&
        g.evictedAt === null &&
        now < g.expiresAt,
    );
    const excess = live.length + 1 - this.limits.liveAccessTokensPerRefresh;
    for (const grant of live.slice(0, Math.max(0, excess))) {
      grant.evictedAt = now;
    }
  }

  private endAccessOf(refreshToken: string, field: "revokedAt" | "evictedAt") {
    const now = this.clock.now();
    for (const grant of this.access.values()) {
      if (grant.refreshToken === refreshToken && grant[field] === null) {
        grant[field] = now;
      }
    }
  }
}
