/**
 * Token digests and token values. The log and the controls name tokens by
 * digest only, never by value.
 */
import { createHash, randomBytes } from "node:crypto";

/** First 16 hex chars of sha256(value). */
export function digestOf(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 16);
}

/** A Zoho-shaped secret: `1000.<32 hex>.<32 hex>`. */
export function newZohoToken(): string {
  const a = randomBytes(16).toString("hex");
  const b = randomBytes(16).toString("hex");
  return `1000.${a}.${b}`;
}
