import { describe, expect, it } from "vitest";
import { isDestructive, isReadOnly, requiredMode, type SafetyMode, type ToolAnnotations } from "./annotations";

const table: { name: string; a: ToolAnnotations; readOnly: boolean; destructive: boolean; mode: SafetyMode }[] = [
  { name: "no hints (MCP defaults)", a: {}, readOnly: false, destructive: true, mode: "write_destructive" },
  { name: "readOnlyHint true", a: { readOnlyHint: true }, readOnly: true, destructive: false, mode: "read_only" },
  { name: "readOnlyHint true wins over destructiveHint true", a: { readOnlyHint: true, destructiveHint: true }, readOnly: true, destructive: false, mode: "read_only" },
  { name: "readOnlyHint false", a: { readOnlyHint: false }, readOnly: false, destructive: true, mode: "write_destructive" },
  { name: "destructiveHint false", a: { destructiveHint: false }, readOnly: false, destructive: false, mode: "write_idempotent" },
  { name: "destructiveHint true", a: { destructiveHint: true }, readOnly: false, destructive: true, mode: "write_destructive" },
  { name: "idempotentHint alone does not lower the mode", a: { idempotentHint: true }, readOnly: false, destructive: true, mode: "write_destructive" },
  { name: "openWorldHint false alone does not lower the mode", a: { openWorldHint: false }, readOnly: false, destructive: true, mode: "write_destructive" },
  { name: "title only", a: { title: "Read the thing" }, readOnly: false, destructive: true, mode: "write_destructive" },
  {
    name: "non-destructive idempotent write",
    a: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
    readOnly: false,
    destructive: false,
    mode: "write_idempotent",
  },
];

describe("annotations", () => {
  it.each(table)("$name → $mode", ({ a, readOnly, destructive, mode }) => {
    expect(isReadOnly(a)).toBe(readOnly);
    expect(isDestructive(a)).toBe(destructive);
    expect(requiredMode(a)).toBe(mode);
  });

  it("only a literal true counts as read-only (a truthy non-boolean from loose JSON does not)", () => {
    expect(requiredMode({ readOnlyHint: "true" as unknown as boolean })).toBe("write_destructive");
  });
});
