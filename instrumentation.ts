/** Runs once when the server starts: see lib/startup-check.ts. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./lib/startup-check");
  }
}
