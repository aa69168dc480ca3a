/**
 * Sealing and digests. A sealed value is
 * `<key version>.<iv>.<ciphertext>.<tag>` (base64url parts, AES-256-GCM,
 * 96-bit random IV), so it names the key that sealed it. An optional context
 * string is bound as associated data: a value sealed for one row does not
 * open for another.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
} from "node:crypto";
import { TokenStoreError } from "./errors";
import { parseKeyRing, type KeyRing } from "./key-ring";

/** Which token value a digest stands for (kept apart by domain). */
export type DigestKind = "access" | "refresh" | "grant";

/** A KeyRing, or a TOKEN_STORE_KEYS-format string parsed on the spot. */
export type KeyInput = KeyRing | string;

function ringOf(keys: KeyInput): KeyRing {
  return typeof keys === "string" ? parseKeyRing(keys) : keys;
}

/**
 * Seals `plaintext` with the current key of the ring.
 * @param context bound as associated data; pass the same to openSecret.
 */
export function sealSecret(
  keys: KeyInput,
  plaintext: string,
  context = "",
): string {
  const ring = ringOf(keys);
  const iv = randomBytes(12);

  const cipher = createCipheriv(
    "aes-256-gcm",
    ring.keysOf(ring.current).seal,
    iv,
  );
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([
    cipher.update(plaintext, "utf8"),
    cipher.final(),
  ]);

  const parts = [iv, body, cipher.getAuthTag()].map((b) =>
    b.toString("base64url"),
  );
  return `${ring.current}.${parts.join(".")}`;
}

/**
 * Opens a value from sealSecret with whichever listed key sealed it.
 * @throws TokenStoreError KEY_UNKNOWN_VERSION when its key is not in the
 *   ring, DECRYPT_FAILED when it is malformed, altered, or sealed for
 *   another context.
 */
export function openSecret(
  keys: KeyInput,
  sealed: string,
  context = "",
): string {
  const [version, iv, body, tag, extra] = sealed.split(".");
  if (!version || !iv || body === undefined || !tag || extra !== undefined) {
    throw decryptFailed();
  }
  const key = ringOf(keys).keysOf(version).seal;

  try {
    const decipher = createDecipheriv(
      "aes-256-gcm",
      key,
      Buffer.from(iv, "base64url"),
    );
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const head = decipher.update(body, "base64url", "utf8");
    return head + decipher.final("utf8");
  } catch (cause) {
    throw decryptFailed(cause);
  }
}

function decryptFailed(cause?: unknown): TokenStoreError {
  return new TokenStoreError(
    "DECRYPT_FAILED",
    "A stored secret could not be decrypted: wrong key or altered data.",
    { cause },
  );
}

/**
 * Binary twin of sealSecret for database rows: `[n][version: n bytes]
 * [iv: 12][tag: 16][ciphertext]`. No base64 on the hot read path.
 */
export function sealBytes(
  ring: KeyRing,
  plaintext: string,
  context: Buffer,
): Buffer {
  const version = Buffer.from(ring.current, "latin1");
  const iv = randomBytes(12);

  const cipher = createCipheriv(
    "aes-256-gcm",
    ring.keysOf(ring.current).seal,
    iv,
  );
  cipher.setAAD(context);
  const body = cipher.update(plaintext, "utf8");
  const last = cipher.final();

  const head = Buffer.from([version.length]);
  return Buffer.concat([head, version, iv, cipher.getAuthTag(), body, last]);
}

/**
 * Opens a value from sealBytes.
 * @throws TokenStoreError KEY_UNKNOWN_VERSION, DECRYPT_FAILED.
 */
export function openBytes(
  ring: KeyRing,
  sealed: Buffer,
  context: Buffer,
): string {
  const start = 1 + (sealed[0] ?? 0);
  if (sealed.length < start + 28) throw decryptFailed();
  const key = ring.keysOf(sealed.toString("latin1", 1, start)).seal;

  try {
    const iv = sealed.subarray(start, start + 12);
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAAD(context);
    decipher.setAuthTag(sealed.subarray(start + 12, start + 28));
    const plain = decipher.update(sealed.subarray(start + 28));
    decipher.final();
    return plain.toString("utf8");
  } catch (cause) {
    throw decryptFailed(cause);
  }
}

/** The key version a sealBytes value names. */
export function sealedBytesVersion(sealed: Buffer): string {
  return sealed.toString("latin1", 1, 1 + (sealed[0] ?? 0));
}

/** The lookup digest of a token value under the ring's current key. */
export function tokenDigest(
  ring: KeyRing,
  kind: DigestKind,
  value: string,
): string {
  return digestWith(ring, ring.current, kind, value);
}

/** The digests of a value under every key version, current first. */
export function tokenDigests(
  ring: KeyRing,
  kind: DigestKind,
  value: string,
): string[] {
  return ring.versions.map((v) => digestWith(ring, v, kind, value));
}

function digestWith(
  ring: KeyRing,
  version: string,
  kind: DigestKind,
  value: string,
): string {
  return createHmac("sha256", ring.keysOf(version).digest)
    .update(`${kind}\0${value}`, "utf8")
    .digest("base64url");
}
