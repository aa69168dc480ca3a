/**
 * Tests reach Zoho only through the emulator on this machine: any fetch to
 * another host fails at once, loudly, instead of leaving the machine.
 * Loaded by vitest (setupFiles) and, with `node --import`, by the portal
 * process the end-to-end tests start.
 */
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);
const original = globalThis.fetch;

globalThis.fetch = function loopbackOnlyFetch(input, init) {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!LOOPBACK.has(url.hostname)) {
    return Promise.reject(
      new Error(`test network guard: refused a request to ${url.origin}`),
    );
  }
  return original(input, init);
};
