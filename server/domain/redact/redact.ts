import type { JsonValue } from "../json/canonical";

export const REDACTED = "[REDACTED]";

/** Argument keys whose values are secrets, matched per word of the key (camelCase, snake_case and kebab-case alike). */
const SECRET_KEY_WORDS = new Set([
  "password", "passwords", "passwd", "passphrase", "secret", "secrets", "token", "authorization", "cookie", "cookies",
  "credential", "credentials", "apikey", "apikeys", "privatekey", "privatekeys", "clientsecret", "accesskey", "accesskeys",
]);
// Plural forms are secrets too (`secrets: { db: "…" }`), except "tokens": `max_tokens` is a count, not a secret.
const SECRET_KEY_PAIRS = [["api", "key"], ["api", "keys"], ["private", "key"], ["private", "keys"], ["access", "key"], ["access", "keys"], ["client", "secret"], ["session", "id"]] as const;

/** Values that look like keys wherever they appear, even inside longer text. */
const SECRET_VALUE_PATTERNS: readonly RegExp[] = [
  /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g,
  /\bAKIA[0-9A-Z]{16}\b/g,
  /\bASIA[0-9A-Z]{16}\b/g,
  /\bgh[pousr]_[A-Za-z0-9]{30,}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{40,}\b/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g,
  /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}\b/g,
  /\bcs_[A-Za-z0-9_-]{30,}\b/g,
  /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/g,
  /\b(?:Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{16,}/g,
];

function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function isSecretKey(key: string): boolean {
  const words = keyWords(key);
  if (words.some((w) => SECRET_KEY_WORDS.has(w))) return true;
  if (SECRET_KEY_WORDS.has(words.join(""))) return true;
  return SECRET_KEY_PAIRS.some(([a, b]) => words.some((w, i) => w === a && words[i + 1] === b));
}

export function redactString(s: string): string {
  let out = s;
  for (const re of SECRET_VALUE_PATTERNS) out = out.replace(re, REDACTED);
  return out;
}

export type Redaction<T> = { value: T; paths: string[] };

/**
 * `out[k] = v` with k === "__proto__" sets the prototype instead of a key, so an
 * argument named "__proto__" (valid JSON, e.g. from JSON.parse) would vanish.
 */
function setOwn(out: { [k: string]: JsonValue }, k: string, v: JsonValue): void {
  Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/** A copy with secret-named keys and secret-looking values replaced, and the JSON paths that were touched. */
export function redact<T extends JsonValue>(value: T): Redaction<T> {
  const paths: string[] = [];
  const walk = (v: JsonValue, path: string): JsonValue => {
    if (typeof v === "string") {
      const r = redactString(v);
      if (r !== v) paths.push(path);
      return r;
    }
    if (v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) return v.map((item, i) => walk(item, `${path}[${i}]`));
    const out: { [k: string]: JsonValue } = {};
    for (const [k, item] of Object.entries(v)) {
      const p = `${path}.${k}`;
      if (isSecretKey(k) && item !== null && item !== "" && typeof item !== "boolean") {
        setOwn(out, k, REDACTED);
        paths.push(p);
      } else {
        setOwn(out, k, walk(item, p));
      }
    }
    return out;
  };
  return { value: walk(value, "$") as T, paths };
}

/**
 * A reviewer edits the redacted view, so unchanged redacted leaves in their
 * final arguments stand for the original secret. Put the originals back where
 * the final value is still exactly what the reviewer was shown.
 */
export function restoreRedacted(original: JsonValue, shown: JsonValue, final: JsonValue): JsonValue {
  if (typeof final === "string") {
    return typeof shown === "string" && final === shown && shown.includes(REDACTED) ? original : final;
  }
  if (final === null || typeof final !== "object") return final;
  if (Array.isArray(final)) {
    return final.map((item, i) =>
      Array.isArray(original) && Array.isArray(shown) && i < original.length && i < shown.length
        ? restoreRedacted(original[i] as JsonValue, shown[i] as JsonValue, item)
        : item,
    );
  }
  const out: { [k: string]: JsonValue } = {};
  const o = original !== null && typeof original === "object" && !Array.isArray(original) ? original : null;
  const s = shown !== null && typeof shown === "object" && !Array.isArray(shown) ? shown : null;
  for (const [k, item] of Object.entries(final)) {
    const ov = o !== null && Object.hasOwn(o, k) ? o[k] : undefined;
    const sv = s !== null && Object.hasOwn(s, k) ? s[k] : undefined;
    setOwn(out, k, ov !== undefined && sv !== undefined ? restoreRedacted(ov, sv, item) : item);
  }
  return out;
}
