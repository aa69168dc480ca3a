/**
 * Per-file test setup: one emulator on free ports, reset before each test.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startEmulator } from "../server";
import type { EmulatorOptions, RunningEmulator } from "../types";
import { TEST_CLIENT } from "./flow";

/** Starts an emulator for the file; `get()` returns it inside tests. */
export function useEmulator(options: EmulatorOptions = {}) {
  let emu: RunningEmulator | undefined;

  beforeAll(async () => {
    emu = await startEmulator({
      clients: [TEST_CLIENT],
      quiet: true,
      ...options,
    });
  });
  beforeEach(async () => {
    await control(get(), "POST", "/reset");
  });
  afterAll(async () => {
    await emu?.stop();
  });

  function get(): RunningEmulator {
    if (!emu) throw new Error("emulator not started");
    return emu;
  }
  return get;
}

/** Calls a control route and parses its JSON answer. */
export async function control(
  emu: RunningEmulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<any> {
  const res = await fetch(`${emu.controlUrl}/__emulator${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json();
}

/** Moves the emulator clock forward. */
export function advance(emu: RunningEmulator, ms: number) {
  return control(emu, "POST", "/clock", { advanceMs: ms });
}

/** Seeded users by role, as the tests name them. */
export const USERS = {
  priya: "priya.raman@zylker-academy.example",
  daniel: "daniel.obrien@zylker-academy.example",
  aisha: "aisha.khan@zylker-academy.example",
  hana: "hana.yamada@zylker-academy.example",
  kwame: "kwame.mensah@zylker-academy.example",
  lena: "lena.schmidt@zylker-academy.example",
  sofia: "sofia.rossi@zylker-academy.example",
  omar: "omar.haddad@zylker-academy.example",
};
