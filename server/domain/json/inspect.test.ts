import { describe, expect, it } from "vitest";
import { byteLengthOfJson, inspectJson } from "./inspect";

/** n nested arrays: nest(0) = 0, nest(1) = [0], nest(2) = [[0]]. Built iteratively. */
function nest(n: number): unknown {
  let v: unknown = 0;
  for (let i = 0; i < n; i++) v = [v];
  return v;
}
function nestObj(n: number): unknown {
  let v: unknown = "leaf";
  for (let i = 0; i < n; i++) v = { k: v };
  return v;
}

describe("inspectJson depth", () => {
  const table: { name: string; value: unknown; depth: number }[] = [
    { name: "scalar", value: "s", depth: 0 },
    { name: "null", value: null, depth: 0 },
    { name: "empty object", value: {}, depth: 1 },
    { name: "empty array", value: [], depth: 1 },
    { name: "flat object", value: { a: 1, b: "x", c: true, d: null }, depth: 1 },
    { name: "object in array", value: [{ a: 1 }], depth: 2 },
    { name: "deepest branch counts", value: { a: 1, b: { c: { d: [] } }, e: [] }, depth: 4 },
    { name: "3 nested arrays", value: nest(3), depth: 3 },
  ];
  it.each(table)("$name → $depth", ({ value, depth }) => {
    expect(inspectJson(value, 32)).toEqual({ ok: true, depth });
  });

  it.each([
    { n: 32, kind: "arrays", build: nest },
    { n: 32, kind: "objects", build: nestObj },
  ])("depth exactly $n of $kind is accepted at limit 32", ({ n, build }) => {
    expect(inspectJson(build(n), 32)).toEqual({ ok: true, depth: n });
  });

  it.each([
    { n: 33, kind: "arrays", build: nest },
    { n: 33, kind: "objects", build: nestObj },
  ])("depth $n of $kind is refused at limit 32", ({ n, build }) => {
    expect(inspectJson(build(n), 32)).toEqual({ ok: false, problem: "too_deep", limit: 32 });
  });

  it("an empty container one level too deep is still too deep", () => {
    expect(inspectJson({ a: nest(31), b: [[]] }, 2)).toEqual({ ok: false, problem: "too_deep", limit: 2 });
  });

  it("a 100 000-deep array does not overflow the stack", () => {
    const deep = nest(100_000);
    expect(() => inspectJson(deep, 32)).not.toThrow();
    expect(inspectJson(deep, 32)).toEqual({ ok: false, problem: "too_deep", limit: 32 });
    expect(inspectJson(deep, Number.POSITIVE_INFINITY)).toEqual({ ok: true, depth: 100_000 });
  });
});

describe("inspectJson not_json", () => {
  class Point {
    x = 1;
  }
  const table: { name: string; value: unknown; path: string }[] = [
    { name: "NaN", value: { a: NaN }, path: "$.a" },
    { name: "Infinity", value: [1, Infinity], path: "$[1]" },
    { name: "-Infinity", value: -Infinity, path: "$" },
    { name: "undefined", value: { a: undefined }, path: "$.a" },
    { name: "function", value: { f: () => 1 }, path: "$.f" },
    { name: "bigint", value: { n: 1n }, path: "$.n" },
    { name: "symbol", value: [Symbol("s")], path: "$[0]" },
    { name: "class instance", value: { p: new Point() }, path: "$.p" },
    { name: "Date", value: { at: new Date(0) }, path: "$.at" },
    { name: "Map", value: new Map(), path: "$" },
    { name: "nested path", value: { a: [{ b: { c: NaN } }] }, path: "$.a[0].b.c" },
  ];
  it.each(table)("$name at $path", ({ value, path }) => {
    expect(inspectJson(value, 32)).toEqual({ ok: false, problem: "not_json", path });
  });

  it("accepts null-prototype objects", () => {
    const o = Object.create(null) as Record<string, unknown>;
    o.a = 1;
    expect(inspectJson(o, 32)).toEqual({ ok: true, depth: 1 });
  });
});

describe("byteLengthOfJson", () => {
  it.each([
    { value: {}, bytes: 2 },
    { value: { a: "é" }, bytes: 10 },
    { value: "😀", bytes: 6 },
    { value: undefined, bytes: 0 },
  ])("$value → $bytes bytes (UTF-8)", ({ value, bytes }) => {
    expect(byteLengthOfJson(value)).toBe(bytes);
  });
});
