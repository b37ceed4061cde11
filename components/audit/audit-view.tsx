"use client";
import { useMemo } from "react";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { AuditCharts } from "./audit-charts";
import { AuditFilterBar } from "./audit-filters";
import { AuditResults } from "./audit-results";
import { ChainStatus } from "./chain-status";
import { ExportLinks } from "./export-links";
import { useAuditFilters } from "./use-audit-filters";

/** The audit log: search, filters in the URL, keyset "Load more", charts; chain status and export for admins. */
export function AuditView({ isAdmin }: { isAdmin: boolean }) {
  const trpc = useTRPC();
  const { filters, setFilter, clear, active } = useAuditFilters();
  const results = useInfiniteQuery(
    trpc.audit.search.infiniteQueryOptions(
      { ...filters, limit: 50 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, placeholderData: keepPreviousData, staleTime: 10_000 },
    ),
  );
  const items = useMemo(() => (results.data?.pages ?? []).flatMap((p) => p.items), [results.data]);

  return (
    <div className="flex min-w-0 flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Audit log</h1>
        {isAdmin ? (
          <div className="flex flex-wrap items-center gap-3">
            <ChainStatus />
            <ExportLinks filters={filters} />
          </div>
        ) : null}
      </div>
      <AuditCharts />
      <section aria-label="Events" className="flex min-w-0 flex-col gap-4">
        <AuditFilterBar filters={filters} setFilter={setFilter} clear={clear} active={active} />
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {results.isPending
            ? "Searching…"
            : results.isError
              ? `Search failed: ${results.error.message}`
              : items.length === 0
                ? active
                  ? "No events match."
                  : "Nothing has been recorded yet."
                : `${items.length}${results.hasNextPage ? "+" : ""} event${items.length === 1 ? "" : "s"}, newest first`}
          {results.isFetching && !results.isFetchingNextPage && !results.isPending ? <Loader2 className="ml-2 inline size-3.5 animate-spin" aria-label="updating" /> : null}
        </p>
        {items.length > 0 ? <AuditResults items={items} onTool={(t) => setFilter("tool", t)} /> : null}
        {items.length === 0 && active && !results.isPending ? (
          <Button type="button" variant="outline" className="self-start" onClick={clear}>
            Clear the search and filters
          </Button>
        ) : null}
        {results.hasNextPage ? (
          <Button type="button" variant="outline" className="self-center" disabled={results.isFetchingNextPage} onClick={() => void results.fetchNextPage()}>
            {results.isFetchingNextPage ? <Loader2 className="animate-spin" aria-hidden /> : null}
            Load more
          </Button>
        ) : null}
      </section>
    </div>
  );
}
