"use client";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTRPC } from "@/components/providers/trpc";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label, Select } from "@/components/ui/input";
import { formatDuration } from "./format";

const OUTCOMES = [
  { key: "approved", color: "var(--success)" },
  { key: "denied", color: "var(--destructive)" },
  { key: "expired", color: "var(--warning)" },
  { key: "cancelled", color: "var(--muted-foreground)" },
] as const;

const axis = { stroke: "var(--muted-foreground)", fontSize: 12, tickLine: false } as const;
const tooltip = {
  contentStyle: { background: "var(--popover)", border: "1px solid var(--border)", borderRadius: 6, color: "var(--popover-foreground)", fontSize: 12 },
  cursor: { fill: "var(--accent)" },
} as const;

/**
 * Decisions per day by outcome (stacked), and how long people took to decide
 * at each risk tier. The line of text above each chart says the same in
 * words; the drawing itself is hidden from assistive technology.
 */
export function AuditCharts() {
  const trpc = useTRPC();
  const [days, setDays] = useState(14);
  const stats = useQuery(trpc.audit.stats.queryOptions({ days }, { staleTime: 30_000 }));
  const data = stats.data;
  const totals = OUTCOMES.map((o) => ({ ...o, n: (data?.days ?? []).reduce((s, d) => s + d[o.key], 0) }));
  const ttd = (data?.timeToDecision ?? []).map((t) => ({ ...t, p50: t.p50Ms ?? 0, p90: t.p90Ms ?? 0 }));
  const decided = ttd.filter((t) => t.count > 0);

  return (
    <section aria-label="Decision statistics" className="grid gap-4 lg:grid-cols-2">
      <Card className="min-w-0">
        <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
          <div>
            <CardTitle>Decisions per day</CardTitle>
            <CardDescription>By outcome, UTC days</CardDescription>
          </div>
          <div className="flex items-center gap-2">
            <Label htmlFor="audit-days" className="text-muted-foreground">
              Period
            </Label>
            <Select id="audit-days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
              <option value={7}>7 days</option>
              <option value={14}>14 days</option>
              <option value={30}>30 days</option>
              <option value={90}>90 days</option>
            </Select>
          </div>
        </CardHeader>
        <CardContent>
          <p className="mb-2 text-sm text-muted-foreground" aria-live="polite">
            {stats.isPending ? "Loading…" : stats.isError ? `Could not load: ${stats.error.message}` : totals.map((t) => `${t.n} ${t.key}`).join(" · ")}
          </p>
          <div className="h-56" aria-hidden>
            {data ? (
              <ResponsiveContainer width="100%" height="100%">
                <BarChart accessibilityLayer={false} data={data.days} margin={{ top: 4, right: 4, bottom: 0, left: -16 }}>
                  <CartesianGrid vertical={false} stroke="var(--border)" />
                  <XAxis dataKey="day" {...axis} tickFormatter={(d: string) => d.slice(5)} minTickGap={12} />
                  <YAxis {...axis} allowDecimals={false} />
                  <Tooltip {...tooltip} />
                  <Legend wrapperStyle={{ fontSize: 12 }} />
                  {OUTCOMES.map((o) => (
                    <Bar key={o.key} dataKey={o.key} stackId="d" fill={o.color} isAnimationActive={false} />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            ) : null}
          </div>
        </CardContent>
      </Card>
      <Card className="min-w-0">
        <CardHeader>
          <CardTitle>Time to decision</CardTitle>
          <CardDescription>Submission to a person&apos;s approval or denial, p50 and p90 by risk</CardDescription>
        </CardHeader>
        <CardContent>
          <p className="mb-2 text-sm text-muted-foreground" aria-live="polite">
            {stats.isPending
              ? "Loading…"
              : decided.length === 0
                ? "No decisions by people in this period."
                : decided.map((t) => `${t.risk}: p50 ${formatDuration(t.p50)}, p90 ${formatDuration(t.p90)} (${t.count})`).join(" · ")}
          </p>
          <div className="h-56" aria-hidden>
            {data ? (
              <ResponsiveContainer width="100%" height="100%">
                <BarChart accessibilityLayer={false} data={ttd} margin={{ top: 4, right: 4, bottom: 0, left: 4 }}>
                  <CartesianGrid vertical={false} stroke="var(--border)" />
                  <XAxis dataKey="risk" {...axis} />
                  <YAxis {...axis} tickFormatter={(v: number) => formatDuration(v)} width={56} />
                  <Tooltip {...tooltip} formatter={(v) => formatDuration(Number(v))} />
                  <Legend wrapperStyle={{ fontSize: 12 }} />
                  <Bar dataKey="p50" name="p50" fill="var(--primary)" isAnimationActive={false} />
                  <Bar dataKey="p90" name="p90" fill="var(--warning)" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            ) : null}
          </div>
        </CardContent>
      </Card>
    </section>
  );
}
