/**
 * The key ring of the token store. TOKEN_STORE_KEYS holds comma-separated
 * `<version>:<base64 of 32 bytes>` entries, the newest first
 * (`v2:...,v1:...`): new writes use the first, every listed version still
 * opens what it sealed, so keys rotate without a migration. Keys are kept in
 * private fields and never appear in messages or logs.
 */
import {
  createSecretKey,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from "node:crypto";
import { TokenStoreError } from "./errors";

/** The variable the key ring is read from. */
export const KEY_VARIABLE = "TOKEN_STORE_KEYS";

const VERSION = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/]{43}=$/;

const FORM =
  `${KEY_VARIABLE} must be a comma-separated list of ` +
  "`<version>:<base64 of 32 random bytes>`, newest first, e.g. " +
  "`v1:<base64>`; versions use letters, digits, _ or -. Generate one with " +
  `node -e "console.log('v1:'+require('crypto').randomBytes(32)` +
  `.toString('base64'))"`;

/** The two keys derived (HKDF-SHA256) from one master key. */
export interface DerivedKeys {
  /** AES-256-GCM key that seals secret fields (a Buffer: measurably
   * faster per call than a KeyObject on the read path). */
  readonly seal: Buffer;
  /** HMAC-SHA256 key for the lookup digests of token values. */
  readonly digest: KeyObject;
}

/** The configured keys. `current` seals; every version opens. */
export class KeyRing {
  readonly #keys: ReadonlyMap<string, DerivedKeys>;
  /** The version new seals use: the first of the list. */
  readonly current: string;
  /** Every configured version, current first. */
  readonly versions: readonly string[];

  constructor(entries: ReadonlyArray<[version: string, master: Buffer]>) {
    const first = entries[0];
    if (!first) throw invalid("it lists no key");
    this.#keys = new Map(entries.map(([v, key]) => [v, deriveKeys(key)]));
    this.current = first[0];
    this.versions = entries.map(([v]) => v);
  }

  /** The derived keys of `version`; KEY_UNKNOWN_VERSION when absent. */
  keysOf(version: string): DerivedKeys {
    const keys = this.#keys.get(version);
    if (!keys) {
      throw new TokenStoreError(
        "KEY_UNKNOWN_VERSION",
        `A stored value was sealed with key version "${safeVersion(version)}"` +
          `, which ${KEY_VARIABLE} does not list. Add that key back.`,
      );
    }
    return keys;
  }
}

function deriveKeys(master: Buffer): DerivedKeys {
  const derive = (info: string) =>
    Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), info, 32));
  return {
    seal: derive("zylker-token-store/seal/1"),
    digest: createSecretKey(derive("zylker-token-store/digest/1")),
  };
}

/** A version is echoed only when it has the form of one. */
function safeVersion(version: string): string {
  return VERSION.test(version) ? version : "(malformed)";
}

function invalid(why: string): TokenStoreError {
  return new TokenStoreError(
    "KEY_INVALID",
    `${KEY_VARIABLE} is invalid: ${why}. ${FORM}.`,
    { field: KEY_VARIABLE },
  );
}

/**
 * Parses a TOKEN_STORE_KEYS value.
 * @throws TokenStoreError KEY_INVALID naming the entry position (never the
 *   value) when an entry is malformed or a version repeats.
 */
export function parseKeyRing(value: string): KeyRing {
  const entries = value.split(",").map((raw, index) => {
    const entry = raw.trim();
    const colon = entry.indexOf(":");
    const version = entry.slice(0, colon);
    const key = entry.slice(colon + 1);
    if (colon < 1 || !VERSION.test(version) || !BASE64.test(key)) {
      throw invalid(`entry ${index + 1} is not in the expected form`);
    }
    return [version, Buffer.from(key, "base64")] as [string, Buffer];
  });

  const versions = new Set(entries.map(([v]) => v));
  if (versions.size !== entries.length) {
    throw invalid("a version is listed twice");
  }
  return new KeyRing(entries);
}

/** A fresh TOKEN_STORE_KEYS value: `<version>:<base64 of 32 bytes>`. */
export function generateKeyValue(version = "v1"): string {
  return `${version}:${randomBytes(32).toString("base64")}`;
}

/** The error for a store opened without any key. */
export function keyMissing(): TokenStoreError {
  return new TokenStoreError(
    "KEY_MISSING",
    `No token store key: set ${KEY_VARIABLE} to ` +
      "`v1:<base64 of 32 random bytes>`, e.g. the output of " +
      `node -e "console.log('v1:'+require('crypto').randomBytes(32)` +
      `.toString('base64'))"`,
    { field: KEY_VARIABLE },
  );
}
