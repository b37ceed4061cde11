import type { JsonValue } from "./canonical";

export type JsonChange =
  | { path: string; kind: "added"; to: JsonValue }
  | { path: string; kind: "removed"; from: JsonValue }
  | { path: string; kind: "changed"; from: JsonValue; to: JsonValue };

/** Below this depth a differing subtree is reported whole: pasted JSON can be nested arbitrarily deep. */
const MAX_DEPTH = 40;

const isObject = (v: JsonValue): v is { [k: string]: JsonValue } => v !== null && typeof v === "object" && !Array.isArray(v);

function sameJson(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

/**
 * The leaf-level differences between two JSON values, with paths written the
 * way redaction writes them (`$.a.b[0]`), so one notation names a value
 * everywhere. Arrays are compared index by index.
 */
export function diffJson(before: JsonValue, after: JsonValue): JsonChange[] {
  const out: JsonChange[] = [];
  const walk = (a: JsonValue, b: JsonValue, path: string, depth: number): void => {
    if (a === b) return;
    if (depth < MAX_DEPTH && Array.isArray(a) && Array.isArray(b)) {
      const n = Math.max(a.length, b.length);
      for (let i = 0; i < n; i++) {
        const p = `${path}[${i}]`;
        if (i >= b.length) out.push({ path: p, kind: "removed", from: a[i] as JsonValue });
        else if (i >= a.length) out.push({ path: p, kind: "added", to: b[i] as JsonValue });
        else walk(a[i] as JsonValue, b[i] as JsonValue, p, depth + 1);
      }
      return;
    }
    if (depth < MAX_DEPTH && isObject(a) && isObject(b)) {
      for (const k of Object.keys(a)) {
        const p = `${path}.${k}`;
        if (!Object.hasOwn(b, k)) out.push({ path: p, kind: "removed", from: a[k] as JsonValue });
        else walk(a[k] as JsonValue, b[k] as JsonValue, p, depth + 1);
      }
      for (const k of Object.keys(b)) {
        if (!Object.hasOwn(a, k)) out.push({ path: `${path}.${k}`, kind: "added", to: b[k] as JsonValue });
      }
      return;
    }
    if (!sameJson(a, b)) out.push({ path, kind: "changed", from: a, to: b });
  };
  walk(before, after, "$", 0);
  return out;
}
