import { describe, expect, it } from "vitest";
import { MAX_SEARCH_TERMS, toSearchQuery } from "./search-query";
import { facetToken } from "./search-index";

describe("toSearchQuery", () => {
  it.each([
    ["legacy", '"legacy"*'],
    ["legacy-site", '"legacy site"*'],
    ["github.delete_repository acme", '"github delete repository"* "acme"*'],
    ["a b", '"a" "b"'],
    ["Zürich", '"Zürich"*'],
    ['say "hi"', '"say"* "hi"'],
    ["NEAR(a b)", '"NEAR a" "b"'],
    ["col:value", '"col value"*'],
    ["-x", '"x"'],
    ["a OR b", '"a" "OR" "b"'],
    ["db pro", '"db" "pro"*'],
    ["dup dup", '"dup"*'],
  ])("%s → %s", (input, match) => {
    const q = toSearchQuery(input);
    expect(q.kind).toBe("match");
    if (q.kind === "match") expect(q.match).toBe(match);
  });

  it.each(['"', "*", "-", ":", "(", ")", "^", "   ", "", '""', "*-:()", "‮"])("%j has nothing to search", (input) => {
    expect(toSearchQuery(input)).toEqual({ kind: "none" });
  });

  it("recognises a pasted request id", () => {
    expect(toSearchQuery(" 019A2B3C-4D5E-7F60-8a9b-0c1d2e3f4a5b ")).toEqual({ kind: "request", requestId: "019a2b3c-4d5e-7f60-8a9b-0c1d2e3f4a5b" });
  });

  it("keeps at most MAX_SEARCH_TERMS words", () => {
    const q = toSearchQuery(Array.from({ length: 20 }, (_, i) => `w${i}`).join(" "));
    expect(q.kind === "match" && q.terms.length).toBe(MAX_SEARCH_TERMS);
  });

  it("never lets a double quote into a phrase", () => {
    const q = toSearchQuery('x"y ""z"" "NEAR("');
    expect(q.kind).toBe("match");
    if (q.kind === "match") expect(q.match.replace(/"[^"]*"\*?/g, "").trim()).toBe("");
  });
});

describe("facetToken", () => {
  it.each([
    ["outcome", "denied"],
    ["agent", "deploy-bot"],
    ["tool", "ops.ünïcode/tool:1"],
    ["reviewer", "😀 and more"],
  ] as const)("%s=%s is the hex of its UTF-8 bytes", (facet, value) => {
    expect(facetToken(facet, value)).toBe(`zz${{ outcome: "o", agent: "a", tool: "t", reviewer: "v" }[facet]}${Buffer.from(value, "utf8").toString("hex")}`);
  });
});
