/**
 * Key handling of the token store: TOKEN_STORE_KEYS parsing (key-ring.ts)
 * and the demo key. When TOKEN_STORE_KEYS is unset and the caller allows a
 * demo key file, one key is generated once and kept in that file (0600,
 * folder 0700), outside the database file.
 */
import {
  chmodSync,
  linkSync,
  mkdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, resolve } from "node:path";
import { log } from "../log";
import { TokenStoreError } from "./errors";
import {
  generateKeyValue,
  keyMissing,
  parseKeyRing,
  type KeyRing,
} from "./key-ring";

export {
  generateKeyValue,
  KEY_VARIABLE,
  KeyRing,
  parseKeyRing,
} from "./key-ring";

/** Where the key comes from. */
export interface LoadKeyRingOptions {
  /** The TOKEN_STORE_KEYS value, if set. */
  value?: string | undefined;
  /** Demo setups only: the file to read or create when `value` is unset. */
  demoKeyFile?: string | undefined;
}

/**
 * The key ring from `value`, else (demo) from `demoKeyFile`, creating that
 * file with a new key the first time. Logs the demo file's path, never a key.
 * @throws TokenStoreError KEY_MISSING when neither is given, KEY_INVALID
 *   when the value or the file content is malformed.
 */
export function loadKeyRing(options: LoadKeyRingOptions): KeyRing {
  const value = options.value?.trim();
  if (value) return parseKeyRing(value);
  if (!options.demoKeyFile) throw keyMissing();

  const file = resolve(options.demoKeyFile);
  const created = createDemoKeyFile(file);
  tightenMode(file);

  log.warn(
    { event: "token_store.demo_key", path: file, created },
    created
      ? "Generated a demo token store key; set TOKEN_STORE_KEYS in production"
      : "Using the demo token store key; set TOKEN_STORE_KEYS in production",
  );
  return parseDemoFile(file);
}

/** Creates the file atomically unless it exists; true when created. */
function createDemoKeyFile(file: string): boolean {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });

  // Write a private temp file, then link it into place: a concurrent
  // process either wins the link or reads the complete winner's file.
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temp, `${generateKeyValue("v1")}\n`, { mode: 0o600 });
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw new TokenStoreError(
      "KEY_INVALID",
      `The demo key file ${file} could not be created.`,
      { cause: error },
    );
  } finally {
    unlinkSync(temp);
  }
}

/** The key file must be owner-only; an older, looser file is fixed. */
function tightenMode(file: string): void {
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
}

function parseDemoFile(file: string): KeyRing {
  try {
    return parseKeyRing(readFileSync(file, "utf8").trim());
  } catch (error) {
    throw new TokenStoreError(
      "KEY_INVALID",
      `The demo key file ${file} is not in TOKEN_STORE_KEYS form ` +
        "(`v1:<base64 of 32 bytes>`). Deleting it generates a new key, and " +
        "tokens sealed with the old one can no longer be read.",
      { cause: error },
    );
  }
}
