import { randomBytes } from "node:crypto";
import { sha256Hex } from "../../domain/json/canonical";

export const API_KEY_PREFIX = "cs_";

/** `cs_` + 256 random bits: the prefix lets secret scanners recognise a leaked key. */
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, 10), hash: hashApiKey(key) };
}

export const hashApiKey = (key: string): string => sha256Hex(key);
