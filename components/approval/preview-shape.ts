/** The dry-run preview as the dashboard reads it. Every field is checked: the server validated it, but a broken one must not break the page. */
export type PreviewChange = { path: string; from: unknown; to: unknown; hasFrom: boolean; hasTo: boolean; warning: string | null };
export type Preview = {
  changes: PreviewChange[];
  impact: string | null;
  reversible: boolean | null;
  rollback: string | null;
  diff: string | null;
  targetVersion: string | null;
};

const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

export function readPreview(value: unknown): Preview | null {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  const p = value as Record<string, unknown>;
  const changes = Array.isArray(p.changes)
    ? p.changes.flatMap((c): PreviewChange[] => {
        if (c === null || typeof c !== "object" || Array.isArray(c)) return [];
        const o = c as Record<string, unknown>;
        return [{ path: typeof o.path === "string" ? o.path : "", from: o.from, to: o.to, hasFrom: "from" in o, hasTo: "to" in o, warning: text(o.warning) }];
      })
    : [];
  const preview: Preview = {
    changes,
    impact: text(p.impact),
    reversible: typeof p.reversible === "boolean" ? p.reversible : null,
    rollback: text(p.rollback),
    diff: text(p.diff),
    targetVersion: text(p.targetVersion),
  };
  const empty = changes.length === 0 && !preview.impact && preview.reversible === null && !preview.rollback && !preview.diff && !preview.targetVersion;
  return empty ? null : preview;
}

export type DiffLine = { kind: "add" | "del" | "hunk" | "file" | "context"; text: string };

/** Unified-diff lines by kind, for colouring; the text itself is never interpreted. */
export function classifyDiff(diff: string): DiffLine[] {
  return diff.split(/\r?\n/).map((line): DiffLine => {
    if (line.startsWith("+++") || line.startsWith("---") || line.startsWith("diff ") || line.startsWith("index ")) return { kind: "file", text: line };
    if (line.startsWith("@@")) return { kind: "hunk", text: line };
    if (line.startsWith("+")) return { kind: "add", text: line };
    if (line.startsWith("-")) return { kind: "del", text: line };
    return { kind: "context", text: line };
  });
}
