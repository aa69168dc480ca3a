/** Runs the helper scripts of this folder in a child Node process (tsx). */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { TEST_KEYS } from "./backends";

/** Starts `script` (a file of this folder) with `args` and the test keys. */
export function startChild(script: string, args: string[]): ChildProcess {
  const file = fileURLToPath(new URL(script, import.meta.url));
  return spawn(process.execPath, ["--import", "tsx", file, ...args], {
    env: { ...process.env, TOKEN_STORE_KEYS: TEST_KEYS, LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Runs `script` to the end; resolves with its stdout, rejects on failure. */
export function runChild(script: string, args: string[]): Promise<string> {
  const child = startChild(script, args);
  let out = "";
  let err = "";
  child.stdout?.on("data", (chunk) => (out += chunk));
  child.stderr?.on("data", (chunk) => (err += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`exit ${code}: ${err}`)),
    );
  });
}
