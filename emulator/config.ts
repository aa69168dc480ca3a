/**
 * Defaults of the emulator: limits (CRM v8 figures), known data centres and
 * the ports the CLI uses.
 */
import { fileURLToPath } from "node:url";
import type { EmulatorLimits } from "./types";

/** CRM v8 "Token Validity" figures. */
export const DEFAULT_LIMITS: EmulatorLimits = {
  codeTtlMs: 120_000,
  accessTokenTtlMs: 3_600_000,
  refreshesPerWindow: 10,
  refreshWindowMs: 600_000,
  liveAccessTokensPerRefresh: 15,
  refreshTokensPerUserClient: 20,
  maxBodyBytes: 65_536,
};

/** Zoho's data-centre locations (Zoho docs: multi data centre). */
export const KNOWN_LOCATIONS = [
  "us",
  "eu",
  "in",
  "au",
  "jp",
  "ca",
  "sa",
  "cn",
  "uk",
] as const;

/** Ports the CLI binds by default: accounts, then API, per location. */
export const DEFAULT_CLI_PORTS: Record<string, [number, number]> = {
  us: [4101, 4102],
  eu: [4201, 4202],
  in: [4301, 4302],
  au: [4401, 4402],
  jp: [4501, 4502],
  ca: [4601, 4602],
  sa: [4701, 4702],
  cn: [4801, 4802],
  uk: [4901, 4902],
};

/** The seed shipped with the repo. */
export const DEFAULT_SEED_FILE = fileURLToPath(
  new URL("./seed/academy.json", import.meta.url),
);

/** Merges caller overrides over the defaults, rejecting nonsense values. */
export function resolveLimits(
  overrides: Partial<EmulatorLimits> = {},
): EmulatorLimits {
  const limits = { ...DEFAULT_LIMITS, ...overrides };

  for (const [key, value] of Object.entries(limits)) {
    if (!Number.isFinite(value) || value <= 0) {
      throw new Error(`emulator limit ${key} must be a positive number`);
    }
  }
  return limits;
}
