"use client";
import { useState } from "react";
import { TriangleAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { AgentText } from "./agent-text";
import { ClampedText } from "./clamped-text";
import { DiffView } from "./diff-view";
import { jsonPreviewText } from "./inert-text";
import type { Preview, PreviewChange } from "./preview-shape";
import { PAGE, ShowMore } from "./show-more";

function Value({ present, value, absent }: { present: boolean; value: unknown; absent: string }) {
  if (!present) return <span className="italic text-muted-foreground">{absent}</span>;
  return <ClampedText className="font-mono text-xs" limit={300} text={jsonPreviewText(value, 100_000)} />;
}

function ChangeRow({ change }: { change: PreviewChange }) {
  return (
    <tr className="flex min-w-0 flex-col gap-1 border-b py-2 md:table-row md:py-0">
      <td className="min-w-0 md:w-1/4 md:px-2 md:py-2 md:align-top">
        <AgentText className="font-mono text-xs font-medium" text={change.path || "(no path)"} />
      </td>
      <td className="min-w-0 md:px-2 md:py-2 md:align-top">
        <span className="flex min-w-0 flex-wrap items-baseline gap-x-2">
          <span className="min-w-0 rounded-sm bg-destructive/10 px-1">
            <span className="sr-only">from </span>
            <Value present={change.hasFrom} value={change.from} absent="(none)" />
          </span>
          <span aria-hidden className="text-muted-foreground">
            →
          </span>
          <span className="min-w-0 rounded-sm bg-success/15 px-1">
            <span className="sr-only">to </span>
            <Value present={change.hasTo} value={change.to} absent="(removed)" />
          </span>
        </span>
      </td>
      <td className="min-w-0 md:w-1/4 md:px-2 md:py-2 md:align-top">
        {change.warning ? (
          <span className="flex min-w-0 items-start gap-1 text-sm">
            <TriangleAlert className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden />
            <span className="sr-only">Warning: </span>
            <AgentText text={change.warning} />
          </span>
        ) : null}
      </td>
    </tr>
  );
}

/** The agent's dry run: what would change, how bad, and how to undo it. */
export function PreviewPanel({ preview }: { preview: Preview | null }) {
  const [shown, setShown] = useState(PAGE);
  if (!preview) {
    return (
      <Card>
        <CardHeader>
          <CardTitle>Dry-run preview</CardTitle>
        </CardHeader>
        <CardContent className="text-sm text-muted-foreground">The agent sent no preview: judge by the arguments below.</CardContent>
      </Card>
    );
  }
  const warnings = preview.changes.filter((c) => c.warning).length;
  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle>Dry-run preview</CardTitle>
      </CardHeader>
      <CardContent className="flex min-w-0 flex-col gap-4">
        <dl className="grid min-w-0 grid-cols-1 gap-3 text-sm sm:grid-cols-[10rem_1fr]">
          {preview.impact ? (
            <>
              <dt className="font-medium text-muted-foreground">Impact</dt>
              <dd className="min-w-0">
                <ClampedText text={preview.impact} />
              </dd>
            </>
          ) : null}
          <dt className="font-medium text-muted-foreground">Reversible</dt>
          <dd>
            {preview.reversible === null ? (
              <span className="text-muted-foreground">not stated</span>
            ) : preview.reversible ? (
              <Badge variant="success">Yes</Badge>
            ) : (
              <Badge variant="critical">No — cannot be undone</Badge>
            )}
          </dd>
          {preview.rollback ? (
            <>
              <dt className="font-medium text-muted-foreground">Rollback</dt>
              <dd className="min-w-0">
                <ClampedText text={preview.rollback} />
              </dd>
            </>
          ) : null}
          {preview.targetVersion ? (
            <>
              <dt className="font-medium text-muted-foreground">Computed against</dt>
              <dd className="min-w-0">
                <AgentText className="font-mono text-xs" text={preview.targetVersion} />
              </dd>
            </>
          ) : null}
        </dl>

        {preview.changes.length > 0 ? (
          <div className="min-w-0">
            <h3 className="mb-1 text-sm font-semibold">
              {preview.changes.length.toLocaleString()} change{preview.changes.length === 1 ? "" : "s"}
              {warnings > 0 ? <span className="ml-2 font-normal text-destructive">{warnings.toLocaleString()} with warnings</span> : null}
            </h3>
            <table className="block w-full text-sm md:table md:table-fixed">
              <thead className="hidden border-b text-left text-muted-foreground md:table-header-group">
                <tr>
                  <th scope="col" className="w-1/4 px-2 py-2 font-medium">
                    Path
                  </th>
                  <th scope="col" className="px-2 py-2 font-medium">
                    From → to
                  </th>
                  <th scope="col" className="w-1/4 px-2 py-2 font-medium">
                    Warning
                  </th>
                </tr>
              </thead>
              <tbody className="block md:table-row-group">
                {preview.changes.slice(0, shown).map((c, i) => (
                  <ChangeRow key={i} change={c} />
                ))}
              </tbody>
            </table>
            <ShowMore shown={Math.min(shown, preview.changes.length)} total={preview.changes.length} onMore={setShown} what="changes" />
          </div>
        ) : null}

        {preview.diff ? (
          <div className="min-w-0">
            <h3 className="mb-1 text-sm font-semibold">Diff</h3>
            <DiffView diff={preview.diff} />
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
