/**
 * Injected faults: per route (and optionally per data centre) added latency,
 * 5xx, 429, the token throttle or an HTML page instead of JSON.
 */
import { z } from "zod";

const faultSchema = z.object({
  route: z.enum(["token", "revoke", "api", "userinfo", "authorize"]),
  dc: z.string().optional(),
  kind: z.enum(["latency", "5xx", "429", "throttle", "html"]),
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  status: z.number().int().min(200).max(599).optional(),
  times: z.number().int().min(1).optional(),
});

/** A fault as posted to /__emulator/faults. */
export type EmulatorFault = z.infer<typeof faultSchema>;

/** The routes a fault can target. */
export type EmulatorFaultRoute = EmulatorFault["route"];

/** Parses a posted fault; null when it is malformed. */
export function parseFault(body: unknown): EmulatorFault | null {
  const parsed = faultSchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}

/** Active faults; each `times` counts down to removal. */
export class FaultTable {
  private faults: EmulatorFault[] = [];

  /** Adds a fault after the existing ones. */
  add(fault: EmulatorFault): void {
    this.faults.push({ ...fault });
  }

  /** Removes every fault. */
  clear(): void {
    this.faults = [];
  }

  /** A copy of the active faults. */
  list(): EmulatorFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** The first fault matching the call, consuming one of its `times`. */
  take(route: EmulatorFaultRoute, dc: string): EmulatorFault | null {
    const fault = this.faults.find(
      (f) => f.route === route && (f.dc === undefined || f.dc === dc),
    );
    if (!fault) return null;

    if (fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) {
        this.faults = this.faults.filter((f) => f !== fault);
      }
    }
    return { ...fault };
  }
}
