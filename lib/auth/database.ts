import "server-only";

import { openDatabase } from "@/lib/db/connection";
import { env } from "@/lib/env";

/** The portal's drizzle handle, opened on first use (never at build). */
export function portalDb() {
  return openDatabase(env().DATABASE_PATH).db;
}
