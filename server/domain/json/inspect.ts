/**
 * Walks a value without recursion (a hostile body can nest far deeper than
 * the call stack) and reports whether it is plain JSON and how deep it goes.
 * Stops as soon as `maxDepth` is exceeded.
 */
export type JsonInspection =
  | { ok: true; depth: number }
  | { ok: false; problem: "too_deep"; limit: number }
  | { ok: false; problem: "not_json"; path: string };

export function inspectJson(value: unknown, maxDepth: number): JsonInspection {
  const stack: { v: unknown; depth: number; path: string }[] = [{ v: value, depth: 0, path: "$" }];
  let deepest = 0;
  while (stack.length > 0) {
    const { v, depth, path } = stack.pop() as { v: unknown; depth: number; path: string };
    if (v === null || typeof v === "string" || typeof v === "boolean") continue;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return { ok: false, problem: "not_json", path };
      continue;
    }
    if (typeof v !== "object") return { ok: false, problem: "not_json", path };
    const d = depth + 1;
    if (d > maxDepth) return { ok: false, problem: "too_deep", limit: maxDepth };
    if (d > deepest) deepest = d;
    if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ v: item, depth: d, path: `${path}[${i}]` }));
    } else {
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto !== Object.prototype && proto !== null) return { ok: false, problem: "not_json", path };
      for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
        stack.push({ v: item, depth: d, path: `${path}.${k}` });
      }
    }
  }
  return { ok: true, depth: deepest };
}

export function byteLengthOfJson(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");
}
