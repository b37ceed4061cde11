import type { JsonChange } from "@/server/domain/json/diff";
import { AgentText } from "./agent-text";
import { jsonPreviewText } from "./inert-text";

const json = (v: unknown) => jsonPreviewText(v === undefined ? null : JSON.stringify(v), 1_000);

/** What a modification changes, path by path: old value struck through, new value after it. */
export function ChangesList({ changes, max = 200 }: { changes: JsonChange[]; max?: number }) {
  if (changes.length === 0) return <p className="text-sm text-muted-foreground">No changes.</p>;
  return (
    <ul className="flex min-w-0 flex-col gap-1 font-mono text-xs">
      {changes.slice(0, max).map((c) => (
        <li key={`${c.kind}:${c.path}`} className="flex min-w-0 flex-wrap items-baseline gap-x-2">
          <AgentText className="font-medium" text={c.path} />
          {c.kind !== "added" ? (
            <del className="min-w-0 rounded-sm bg-destructive/10 px-1">
              <AgentText text={json(c.from)} />
            </del>
          ) : null}
          {c.kind === "changed" ? <span aria-hidden>→</span> : null}
          {c.kind !== "removed" ? (
            <ins className="min-w-0 rounded-sm bg-success/15 px-1 no-underline">
              <AgentText text={json(c.to)} />
            </ins>
          ) : null}
          <span className="text-muted-foreground">({c.kind})</span>
        </li>
      ))}
      {changes.length > max ? <li className="text-muted-foreground">…and {(changes.length - max).toLocaleString()} more</li> : null}
    </ul>
  );
}
