/**
 * The server's start-up check (see instrumentation.ts): the environment
 * and the token store key must be valid, or the server stops with a
 * message naming what to fix (never a value) instead of answering every
 * request with a 500.
 */
import { env } from "@/lib/env";
import { portalKeyRing } from "@/lib/portal-keys";

try {
  env();
  portalKeyRing();
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`\nThe portal cannot start.\n${message}\n\n`);
  process.exit(1);
}
