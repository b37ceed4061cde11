"use client";
import { Button } from "@/components/ui/button";

/** Long agent-supplied lists render a page at a time: 10 000 rows must not freeze the tab. */
export const PAGE = 200;
/** Beyond this, "show all" would build a DOM big enough to stall the tab for seconds. */
const MAX_ALL = 2_000;

export function ShowMore({ shown, total, onMore, what }: { shown: number; total: number; onMore: (next: number) => void; what: string }) {
  if (shown >= total) return null;
  const next = Math.min(total, shown + PAGE);
  return (
    <div className="flex flex-wrap items-center gap-2 py-2 text-sm text-muted-foreground">
      Showing {shown.toLocaleString()} of {total.toLocaleString()} {what}.
      <Button size="sm" variant="outline" onClick={() => onMore(next)}>
        Show {(next - shown).toLocaleString()} more {what}
      </Button>
      {total - shown > PAGE && total <= MAX_ALL ? (
        <Button size="sm" variant="ghost" onClick={() => onMore(total)}>
          Show all {total.toLocaleString()} {what}
        </Button>
      ) : null}
    </div>
  );
}
