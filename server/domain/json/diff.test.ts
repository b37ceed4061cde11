import { describe, expect, it } from "vitest";
import { diffJson } from "./diff";
import type { JsonValue } from "./canonical";

describe("diffJson", () => {
  it("reports nothing for equal values", () => {
    expect(diffJson({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toEqual([]);
  });

  it("names changed, added and removed leaves in redaction notation", () => {
    expect(diffJson({ host: "db1", port: 5432, tags: ["a", "b"] }, { host: "db2", tags: ["a"], dryRun: true })).toEqual([
      { path: "$.host", kind: "changed", from: "db1", to: "db2" },
      { path: "$.port", kind: "removed", from: 5432 },
      { path: "$.tags[1]", kind: "removed", from: "b" },
      { path: "$.dryRun", kind: "added", to: true },
    ]);
  });

  it("reports a change of type as one change of the whole value", () => {
    expect(diffJson({ a: { b: 1 } }, { a: [1] })).toEqual([{ path: "$.a", kind: "changed", from: { b: 1 }, to: [1] }]);
  });

  it("keeps a __proto__ key as data", () => {
    const after = JSON.parse('{"__proto__": 1}') as JsonValue;
    expect(diffJson({}, after)).toEqual([{ path: "$.__proto__", kind: "added", to: 1 }]);
  });

  it("reports a difference deep below the depth limit once, at the limit", () => {
    const nest = (leaf: JsonValue, n: number): JsonValue => {
      let v = leaf;
      for (let i = 0; i < n; i++) v = { x: v };
      return v;
    };
    const changes = diffJson(nest(1, 5000), nest(2, 5000));
    expect(changes).toHaveLength(1);
    expect(changes[0]?.path).toBe(`$${".x".repeat(40)}`);
  });
});
