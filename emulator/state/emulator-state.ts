/**
 * The one in-memory state all data centres share: clock, seed, clients,
 * tokens, log and faults.
 */
import type {
  EmulatorClient,
  EmulatorDataCentre,
  EmulatorLimits,
} from "../types";
import { EmulatorClock } from "./clock";
import { FaultTable } from "./faults";
import { EmulatorLog } from "./log";
import { cloneSeed, type ZohoSeed, type ZohoSeedUser } from "./seed";
import { TokenState } from "./tokens";

/** Shared state; one instance per started emulator. */
export class EmulatorState {
  readonly clock = new EmulatorClock();
  readonly log = new EmulatorLog();
  readonly faults = new FaultTable();
  readonly clients = new Map<string, EmulatorClient>();
  readonly tokens: TokenState;
  readonly dataCentres: Record<string, EmulatorDataCentre> = {};
  seed: ZohoSeed;

  constructor(
    private readonly pristine: ZohoSeed,
    readonly limits: EmulatorLimits,
    readonly quiet: boolean,
  ) {
    this.seed = cloneSeed(pristine);
    this.tokens = new TokenState(this.clock, limits);
  }

  /** Seed, clock, tokens, log and faults back to start; clients stay. */
  reset(): void {
    this.seed = cloneSeed(this.pristine);
    this.clock.reset();
    this.tokens.clear();
    this.log.clear();
    this.faults.clear();
  }

  /** Registers or replaces a client, copying its fields. */
  registerClient(client: EmulatorClient): void {
    this.clients.set(client.clientId, {
      ...client,
      redirectUris: [...client.redirectUris],
    });
  }

  /** The seeded user with this ZUID. */
  userByZuid(zuid: string): ZohoSeedUser | undefined {
    return this.seed.users.find((u) => u.zuid === zuid);
  }

  /** The seeded user with this email, case-insensitively. */
  userByEmail(email: string): ZohoSeedUser | undefined {
    const wanted = email.toLowerCase();
    return this.seed.users.find((u) => u.email.toLowerCase() === wanted);
  }

  /** The CRM org of a data centre. */
  orgOf(dc: string) {
    return this.seed.orgs.find((o) => o.dc === dc);
  }
}
