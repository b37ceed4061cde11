import { describe, expect, it } from "vitest";
import { canonicalJson, digestJson, sha256Hex } from "./canonical";

describe("canonicalJson", () => {
  it("known vector", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "x"] })).toBe('{"a":[true,null,"x"],"b":1}');
  });

  const vectors: { name: string; value: unknown; want: string }[] = [
    { name: "null", value: null, want: "null" },
    { name: "string with escapes", value: 'a"b\\c\n', want: '"a\\"b\\\\c\\n"' },
    { name: "number", value: 1.5, want: "1.5" },
    { name: "negative zero as JSON writes it", value: -0, want: "0" },
    { name: "empty object", value: {}, want: "{}" },
    { name: "empty array", value: [], want: "[]" },
    { name: "nested objects are sorted at every level", value: { z: { y: 1, x: [{ b: 2, a: 1 }] }, a: 0 }, want: '{"a":0,"z":{"x":[{"a":1,"b":2}],"y":1}}' },
    { name: "arrays keep their order", value: [3, 1, 2, "b", "a"], want: '[3,1,2,"b","a"]' },
    { name: "keys sort by UTF-16 code unit (not code point, not locale)", value: { "ﬀ": 1, "😀": 2, é: 3, z: 4, a: 5, Z: 6 }, want: '{"Z":6,"a":5,"z":4,"é":3,"😀":2,"ﬀ":1}' },
    { name: "undefined members are dropped like JSON.stringify", value: { a: undefined, b: 1 }, want: '{"b":1}' },
    { name: "undefined in arrays becomes null like JSON.stringify", value: [undefined, 1], want: "[null,1]" },
    { name: "non-finite numbers become null", value: [NaN, Infinity], want: "[null,null]" },
  ];
  it.each(vectors)("$name", ({ value, want }) => {
    expect(canonicalJson(value)).toBe(want);
  });

  it("output parses back to equal data", () => {
    const v = { b: [1, { d: "x", c: null }], a: { "é": true } };
    expect(JSON.parse(canonicalJson(v))).toEqual(v);
  });

  it("key insertion order does not matter", () => {
    const a = { one: 1, two: { x: [1, 2], y: "y" }, three: null };
    const b = { three: null, two: { y: "y", x: [1, 2] }, one: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it("contains no whitespace between tokens", () => {
    expect(canonicalJson({ a: [1, 2], b: { c: "d e" } })).toBe('{"a":[1,2],"b":{"c":"d e"}}');
  });
});

describe("digestJson", () => {
  it("is SHA-256 hex of the canonical form", () => {
    expect(digestJson({})).toBe("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    expect(digestJson({ b: 1, a: [true, null, "x"] })).toBe("54a65415ad370228851a1da4b31b6fd42dc58b19a50d35cae759325f7388ce64");
    expect(digestJson({ a: 1 })).toBe(sha256Hex('{"a":1}'));
  });

  it("equal data → equal digest, regardless of key order", () => {
    expect(digestJson({ x: 1, y: [{ q: 1, p: 2 }] })).toBe(digestJson({ y: [{ p: 2, q: 1 }], x: 1 }));
  });

  const different: [string, unknown, unknown][] = [
    ["value changed", { a: 1 }, { a: 2 }],
    ["number vs string", { a: 1 }, { a: "1" }],
    ["array order", [1, 2], [2, 1]],
    ["extra key", { a: 1 }, { a: 1, b: null }],
    ["null vs missing array slot", [null], []],
    ["key renamed", { a: 1 }, { A: 1 }],
    ["nested change", { a: { b: [1, { c: true }] } }, { a: { b: [1, { c: false }] } }],
  ];
  it.each(different)("different data → different digest: %s", (_name, a, b) => {
    expect(digestJson(a)).not.toBe(digestJson(b));
  });
});
