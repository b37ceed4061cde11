"use client";
import { useMemo, useState } from "react";
import { cn } from "@/components/ui/cn";
import { AgentText } from "./agent-text";
import { classifyDiff, type DiffLine } from "./preview-shape";
import { PAGE, ShowMore } from "./show-more";

const LINE_STYLE: Record<DiffLine["kind"], string> = {
  add: "bg-success/15 text-foreground",
  del: "bg-destructive/15 text-foreground",
  hunk: "bg-muted text-muted-foreground",
  file: "font-semibold",
  context: "",
};

const LINE_LABEL: Partial<Record<DiffLine["kind"], string>> = { add: "added: ", del: "removed: " };

/** A unified diff as coloured text lines; nothing in it is ever interpreted as markup. */
export function DiffView({ diff }: { diff: string }) {
  const lines = useMemo(() => classifyDiff(diff), [diff]);
  const [shown, setShown] = useState(PAGE * 2);
  return (
    <div className="min-w-0">
      <div className="max-h-[32rem] overflow-auto rounded-md border font-mono text-xs leading-5" role="region" aria-label="Unified diff" tabIndex={0}>
        {lines.slice(0, shown).map((l, i) => (
          <div key={i} className={cn("px-2", LINE_STYLE[l.kind])}>
            {LINE_LABEL[l.kind] ? <span className="sr-only">{LINE_LABEL[l.kind]}</span> : null}
            <AgentText text={l.text === "" ? " " : l.text} />
          </div>
        ))}
      </div>
      <ShowMore shown={Math.min(shown, lines.length)} total={lines.length} onMore={setShown} what="lines" />
    </div>
  );
}
