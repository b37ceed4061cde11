import { describe, expect, it } from "vitest";
import { escapeHidden, hasHiddenCharacters, jsonHasHiddenCharacters, jsonPreviewText, splitHidden } from "./inert-text";

describe("hidden characters in agent text", () => {
  it.each([
    ["right-to-left override", "invoice\u202Efdp.exe", "invoice⟨U+202E⟩fdp.exe"],
    ["left-to-right embedding", "a\u202Ab", "a⟨U+202A⟩b"],
    ["pop directional formatting", "a\u202Cb", "a⟨U+202C⟩b"],
    ["first-strong isolate", "a\u2068b\u2069", "a⟨U+2068⟩b⟨U+2069⟩"],
    ["left-to-right isolate", "\u2066x", "⟨U+2066⟩x"],
    ["zero-width space", "rm\u200B -rf", "rm⟨U+200B⟩ -rf"],
    ["zero-width joiner", "a\u200Db", "a⟨U+200D⟩b"],
    ["right-to-left mark", "a\u200Fb", "a⟨U+200F⟩b"],
    ["byte-order mark", "\uFEFFadmin", "⟨U+FEFF⟩admin"],
    ["word joiner", "a\u2060b", "a⟨U+2060⟩b"],
    ["escape control", "a\u001B[31mred", "a⟨U+001B⟩[31mred"],
    ["NUL", "a\u0000b", "a⟨U+0000⟩b"],
  ])("flags and escapes a %s", (_name, input, escaped) => {
    expect(hasHiddenCharacters(input)).toBe(true);
    expect(escapeHidden(input)).toBe(escaped);
  });

  it.each([
    ["plain ASCII", "github.delete_repository"],
    ["tabs and newlines", "line 1\n\tline 2\r\n"],
    ["HTML", '<script>alert(1)</script><img src=x onerror="alert(1)">'],
    ["a javascript: URL", "javascript:alert(document.cookie)"],
    ["non-Latin scripts and emoji", "שלום мир 你好 🚀 é"],
  ])("leaves %s alone", (_name, input) => {
    expect(hasHiddenCharacters(input)).toBe(false);
    expect(escapeHidden(input)).toBe(input);
    expect(splitHidden(input)).toEqual([{ kind: "text", text: input }]);
  });

  it("splits into visible runs and hidden characters, in order", () => {
    expect(splitHidden("\u202Eab\u200B\u200Bc")).toEqual([
      { kind: "hidden", code: "U+202E" },
      { kind: "text", text: "ab" },
      { kind: "hidden", code: "U+200B" },
      { kind: "hidden", code: "U+200B" },
      { kind: "text", text: "c" },
    ]);
    expect(splitHidden("")).toEqual([]);
  });

  it("finds hidden characters in JSON values and keys, however deep", () => {
    expect(jsonHasHiddenCharacters({ a: [1, { b: "ok" }] })).toBe(false);
    expect(jsonHasHiddenCharacters({ a: [1, { b: "o\u202Ek" }] })).toBe(true);
    expect(jsonHasHiddenCharacters({ ["ke\u200By"]: 1 })).toBe(true);
    let deep: unknown = "x\u2066";
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(jsonHasHiddenCharacters(deep)).toBe(true);
  });

  it("writes JSON values for a cell: strings as written, the rest as JSON, cut at a limit", () => {
    expect(jsonPreviewText("main")).toBe("main");
    expect(jsonPreviewText({ a: 1 })).toBe('{"a":1}');
    expect(jsonPreviewText(null)).toBe("null");
    expect(jsonPreviewText(undefined)).toBe("");
    expect(jsonPreviewText("x".repeat(10), 4)).toBe("xxxx…");
  });
});
