"use client";
import { useEffect, useState, type RefObject } from "react";
import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { RISK_TIERS } from "@/server/domain/approval/risk";
import type { InboxFilters } from "./use-inbox-filters";

export function InboxFilterBar({
  filters,
  setFilter,
  clear,
  active,
  toolInputRef,
}: {
  filters: InboxFilters;
  setFilter: (key: keyof InboxFilters, value: string | undefined) => void;
  clear: () => void;
  active: boolean;
  toolInputRef: RefObject<HTMLInputElement | null>;
}) {
  const trpc = useTRPC();
  const agents = useQuery(trpc.review.agents.queryOptions(undefined, { staleTime: 60_000 }));
  const [tool, setTool] = useState(filters.tool ?? "");
  // Follow the URL when it changes from elsewhere (back button, "Clear filters").
  const [urlTool, setUrlTool] = useState(filters.tool ?? "");
  if ((filters.tool ?? "") !== urlTool) {
    setUrlTool(filters.tool ?? "");
    setTool(filters.tool ?? "");
  }

  // Typing updates the URL after a pause, not on every key.
  useEffect(() => {
    const value = tool.trim();
    if (value === (filters.tool ?? "")) return;
    const t = setTimeout(() => setFilter("tool", value || undefined), 300);
    return () => clearTimeout(t);
  }, [tool, filters.tool, setFilter]);

  return (
    <div className="flex flex-wrap items-end gap-3" role="search" aria-label="Filter requests">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="filter-risk">Risk</Label>
        <Select id="filter-risk" value={filters.risk ?? ""} onChange={(e) => setFilter("risk", e.target.value || undefined)}>
          <option value="">Any risk</option>
          {RISK_TIERS.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex min-w-0 flex-col gap-1.5">
        <Label htmlFor="filter-agent">Agent</Label>
        <Select id="filter-agent" className="max-w-[14rem]" value={filters.agentId ?? ""} onChange={(e) => setFilter("agentId", e.target.value || undefined)}>
          <option value="">Any agent</option>
          {(agents.data ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-1.5 sm:max-w-xs">
        <Label htmlFor="filter-tool">Tool</Label>
        <Input
          id="filter-tool"
          ref={toolInputRef}
          type="search"
          value={tool}
          placeholder="e.g. github.delete"
          onChange={(e) => setTool(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") e.currentTarget.blur();
          }}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      {active ? (
        <Button
          variant="ghost"
          size="sm"
          onClick={clear}
        >
          <X /> Clear filters
        </Button>
      ) : null}
    </div>
  );
}
