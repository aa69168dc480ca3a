/**
 * Public types of the bundled Zoho emulator. The portal, its tests and the
 * CLI depend on these shapes; keep them stable.
 */

/** An OAuth client registered with the emulated Zoho API console. */
export interface EmulatorClient {
  clientId: string;
  clientSecret: string;
  name: string;
  redirectUris: string[];
}

/**
 * Limits of Zoho Accounts, CRM v8 figures by default ("Token Validity").
 * Every value is in milliseconds or a plain count.
 */
export interface EmulatorLimits {
  /** Lifetime of a grant code (single use). Default 120 000 (2 min). */
  codeTtlMs: number;
  /** Lifetime of an access token. Default 3 600 000 (1 h). */
  accessTokenTtlMs: number;
  /** Refresh grants allowed per refresh token per window. Default 10. */
  refreshesPerWindow: number;
  /** Length of the refresh throttle window. Default 600 000 (10 min). */
  refreshWindowMs: number;
  /** Live access tokens per refresh token; more evicts the oldest. 15. */
  liveAccessTokensPerRefresh: number;
  /** Live refresh tokens per user and client; more evicts the oldest. 20. */
  refreshTokensPerUserClient: number;
  /** Largest request body accepted, in bytes. Default 65 536. */
  maxBodyBytes: number;
}

/** How to start the emulator. Every field is optional. */
export interface EmulatorOptions {
  /** Interface to bind. Default "127.0.0.1". */
  host?: string;
  /** Data-centre locations to serve. Default ["us", "eu"]. */
  dataCentres?: string[];
  /** Ports per location; 0 or absent picks a free port. */
  ports?: Record<string, { accounts?: number; api?: number }>;
  /** Seed JSON. Default emulator/seed/academy.json. */
  seedFile?: string;
  /** Clients registered at start. */
  clients?: EmulatorClient[];
  /** Overrides of the CRM v8 default limits. */
  limits?: Partial<EmulatorLimits>;
  /** Suppress the one-line request log on stdout. */
  quiet?: boolean;
}

/** URLs of one served data centre, without trailing slash. */
export interface EmulatorDataCentre {
  location: string;
  accountsUrl: string;
  apiUrl: string;
}

/** A started emulator. */
export interface RunningEmulator {
  dataCentres: Record<string, EmulatorDataCentre>;
  /** An origin serving /__emulator/* (the first accounts server). */
  controlUrl: string;
  /** Registers (or replaces) a client while running. */
  registerClient(client: EmulatorClient): void;
  /** Closes every server. */
  stop(): Promise<void>;
}
