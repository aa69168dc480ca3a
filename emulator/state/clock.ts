/**
 * The emulator's one clock. Tests move it forward through
 * POST /__emulator/clock instead of sleeping.
 */
export class EmulatorClock {
  private offsetMs = 0;

  /** Current emulated time in epoch milliseconds. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves the clock forward; returns the new time. */
  advance(ms: number): number {
    this.offsetMs += ms;
    return this.now();
  }

  /** Back to real time. */
  reset(): void {
    this.offsetMs = 0;
  }
}
