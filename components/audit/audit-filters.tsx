"use client";
import { useEffect, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Search, X } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { RISK_TIERS } from "@/server/domain/approval/risk";
import { CHANNELS } from "@/server/services/context";
import { AUDIT_OUTCOMES, type AuditFilterInput } from "@/server/services/audit/schemas";
import type { AuditFilterKey } from "./use-audit-filters";

const OUTCOME_LABELS: Record<(typeof AUDIT_OUTCOMES)[number], string> = {
  approved: "approved",
  denied: "denied",
  expired: "expired",
  cancelled: "cancelled",
  succeeded: "executed: succeeded",
  failed: "executed: failed",
};

function FilterSelect({ id, label, value, onChange, options, any }: {
  id: string;
  label: string;
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  options: readonly { value: string; label: string }[];
  any: string;
}) {
  // A value from a shared URL that the menu does not (yet) list is still shown.
  const all = value && !options.some((o) => o.value === value) ? [...options, { value, label: value }] : options;
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} className="w-full min-w-0" value={value ?? ""} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{any}</option>
        {all.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </div>
  );
}

const plain = (xs: readonly string[]) => xs.map((x) => ({ value: x, label: x }));

/** The search box and the filters; every change goes to the URL. */
export function AuditFilterBar({ filters, setFilter, clear, active }: {
  filters: AuditFilterInput;
  setFilter: (key: AuditFilterKey, value: string | undefined) => void;
  clear: () => void;
  active: boolean;
}) {
  const trpc = useTRPC();
  const facets = useQuery(trpc.audit.facets.queryOptions(undefined, { staleTime: 60_000 }));
  const [q, setQ] = useState(filters.q ?? "");
  // Follow the URL when it changes from elsewhere (back button, "Clear").
  const [urlQ, setUrlQ] = useState(filters.q ?? "");
  if ((filters.q ?? "") !== urlQ) {
    setUrlQ(filters.q ?? "");
    setQ(filters.q ?? "");
  }
  // Typing searches after a pause, not on every key.
  useEffect(() => {
    if (q.trim() === (filters.q ?? "").trim()) return;
    const t = setTimeout(() => setFilter("q", q), 350);
    return () => clearTimeout(t);
  }, [q, filters.q, setFilter]);

  return (
    <div className="flex flex-col gap-3" role="search" aria-label="Audit log filters">
      <form
        className="flex flex-col gap-1.5"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter("q", q);
        }}
      >
        <Label htmlFor="audit-q">Search</Label>
        <div className="relative">
          <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input
            id="audit-q"
            type="search"
            className="pl-8"
            value={q}
            maxLength={500}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Tool, summary, arguments, comment, reason — or a request id"
            autoComplete="off"
            spellCheck={false}
          />
        </div>
      </form>
      <div className="grid grid-cols-2 items-end gap-3 sm:grid-cols-3 lg:grid-cols-[repeat(7,minmax(0,1fr))_auto]">
        <FilterSelect id="audit-outcome" label="Outcome" any="Any outcome" value={filters.outcome} onChange={(v) => setFilter("outcome", v)} options={AUDIT_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))} />
        <FilterSelect id="audit-risk" label="Risk" any="Any risk" value={filters.risk} onChange={(v) => setFilter("risk", v)} options={plain(RISK_TIERS)} />
        <FilterSelect id="audit-agent" label="Agent" any="Any agent" value={filters.agent} onChange={(v) => setFilter("agent", v)} options={plain(facets.data?.agents ?? [])} />
        <FilterSelect
          id="audit-reviewer"
          label="Reviewer"
          any="Any reviewer"
          value={filters.reviewer}
          onChange={(v) => setFilter("reviewer", v)}
          options={(facets.data?.reviewers ?? []).map((r) => ({ value: r.id, label: r.label }))}
        />
        <FilterSelect id="audit-channel" label="Channel" any="Any channel" value={filters.channel} onChange={(v) => setFilter("channel", v)} options={plain(CHANNELS)} />
        <div className="flex min-w-0 flex-col gap-1.5">
          <Label htmlFor="audit-from">From (UTC)</Label>
          <Input id="audit-from" type="date" className="min-w-0" value={filters.from?.slice(0, 10) ?? ""} max={filters.to?.slice(0, 10)} onChange={(e) => setFilter("from", e.target.value || undefined)} />
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <Label htmlFor="audit-to">To (UTC)</Label>
          <Input id="audit-to" type="date" className="min-w-0" value={filters.to?.slice(0, 10) ?? ""} min={filters.from?.slice(0, 10)} onChange={(e) => setFilter("to", e.target.value || undefined)} />
        </div>
        <Button type="button" variant="ghost" onClick={clear} disabled={!active} className="justify-self-start">
          <X aria-hidden /> Clear
        </Button>
      </div>
      {filters.tool ? (
        <p className="text-sm text-muted-foreground">
          Tool: <span className="font-mono [overflow-wrap:anywhere]">{filters.tool}</span>{" "}
          <button type="button" className="underline underline-offset-2" onClick={() => setFilter("tool", undefined)}>
            remove
          </button>
        </p>
      ) : null}
    </div>
  );
}
