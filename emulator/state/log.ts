/**
 * The call log tests read through GET /__emulator/log. Tokens appear only
 * as digests; no secret value is ever stored here.
 */

/** What a log entry is about. */
export type ZohoLogKind = "authorize" | "token" | "revoke" | "userinfo" | "api";

/** One logged call. */
export interface EmulatorLogEntry {
  at: number;
  kind: ZohoLogKind;
  dc: string;
  method: string;
  path: string;
  status: number;
  grantType?: string;
  clientId?: string;
  user?: string;
  tokenDigest?: string;
  error?: string;
}

/** Append-only log, capped so a long demo cannot grow without bound. */
export class EmulatorLog {
  private entries: EmulatorLogEntry[] = [];

  constructor(private readonly cap = 10_000) {}

  /** Adds an entry, dropping the oldest past the cap. */
  add(entry: EmulatorLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.cap) this.entries.shift();
  }

  /** A copy of every entry, oldest first. */
  list(): EmulatorLogEntry[] {
    return [...this.entries];
  }

  /** Empties the log. */
  clear(): void {
    this.entries = [];
  }
}
