import { describe, expect, it } from "vitest";
import { classifyDiff, readPreview } from "./preview-shape";

describe("readPreview", () => {
  it("reads every field there is", () => {
    const p = readPreview({
      changes: [{ path: "repo.visibility", from: "private", to: "public", warning: "exposes code" }, { path: "x", to: 1 }],
      impact: "1 repo",
      reversible: false,
      rollback: "flip it back",
      diff: "@@ -1 +1 @@\n-a\n+b",
      targetVersion: "etag-1",
    });
    expect(p?.changes).toEqual([
      { path: "repo.visibility", from: "private", to: "public", hasFrom: true, hasTo: true, warning: "exposes code" },
      { path: "x", from: undefined, to: 1, hasFrom: false, hasTo: true, warning: null },
    ]);
    expect(p).toMatchObject({ impact: "1 repo", reversible: false, rollback: "flip it back", targetVersion: "etag-1" });
  });

  it("is null when there is nothing to show, and survives malformed input", () => {
    expect(readPreview(null)).toBeNull();
    expect(readPreview({})).toBeNull();
    expect(readPreview("<script>")).toBeNull();
    expect(readPreview({ changes: "nope", impact: 5 })).toBeNull();
    expect(readPreview({ changes: [null, 1, { path: 3 }] })?.changes).toEqual([{ path: "", from: undefined, to: undefined, hasFrom: false, hasTo: false, warning: null }]);
  });
});

describe("classifyDiff", () => {
  it("colours by the first character only", () => {
    expect(classifyDiff("--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n keep\n-old\n+new <script>").map((l) => l.kind)).toEqual(["file", "file", "hunk", "context", "del", "add"]);
  });
});
