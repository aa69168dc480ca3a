/**
 * The bundled Zoho emulator: Accounts OAuth 2.0 and CRM v8 across data
 * centres. See emulator/README.md for every endpoint, control and limit.
 */
export { startEmulator } from "./server";
export { DEFAULT_LIMITS, DEFAULT_CLI_PORTS } from "./config";
export type {
  EmulatorClient,
  EmulatorDataCentre,
  EmulatorLimits,
  EmulatorOptions,
  RunningEmulator,
} from "./types";
export type { EmulatorLogEntry, ZohoLogKind } from "./state/log";
