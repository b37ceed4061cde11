import { RISK_TIERS } from "../../domain/approval/risk";
import type { Store } from "../../db/store";
import type { ServiceContext } from "../context";
import { DECISION_OUTCOMES, auditStatsInputSchema, type AuditStatsInput } from "./schemas";

const DAY_MS = 86_400_000;
/** Charts need not be live to the second; a short-lived answer spares re-reading a busy log on every load and refocus. */
const CACHE_MS = 15_000;

export type DecisionDay = { day: string } & Record<(typeof DECISION_OUTCOMES)[number], number>;
export type TimeToDecision = { risk: string; count: number; p50Ms: number | null; p90Ms: number | null };
export type AuditStatsView = { from: string; to: string; days: DecisionDay[]; timeToDecision: TimeToDecision[] };

const cache = new WeakMap<Store, Map<number, { until: number; value: AuditStatsView }>>();

/**
 * Decisions per UTC day by outcome, over the last `days` days including
 * today, and how long people took to approve or deny (submission to decision)
 * at each risk tier. Automatic decisions by policy and expiries are decisions
 * in the first chart but not in the second: no person was involved.
 */
export async function getAuditStats({ ctx, input }: { ctx: ServiceContext; input: AuditStatsInput }): Promise<AuditStatsView> {
  const { days } = auditStatsInputSchema.parse(input);
  const now = ctx.now();
  const byDays = cache.get(ctx.store) ?? new Map<number, { until: number; value: AuditStatsView }>();
  cache.set(ctx.store, byDays);
  const hit = byDays.get(days);
  if (hit && hit.until > now.getTime()) return hit.value;

  const first = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (days - 1) * DAY_MS;
  const from = new Date(first).toISOString();
  const to = new Date(now.getTime() + 1).toISOString();
  const dayList = Array.from({ length: days }, (_, i) => new Date(first + i * DAY_MS).toISOString().slice(0, 10));
  const raw = await ctx.store.auditStats({ days: dayList, from, to });

  const rows: DecisionDay[] = dayList.map((day) => ({ day, approved: 0, denied: 0, expired: 0, cancelled: 0 }));
  const byDay = new Map(rows.map((r) => [r.day, r]));
  for (const r of raw.perDay) {
    const row = byDay.get(r.day);
    const outcome = DECISION_OUTCOMES.find((o) => o === r.outcome);
    if (row && outcome) row[outcome] += r.count;
  }
  const round = (ms: number | null) => (ms === null ? null : Math.round(ms));
  const timeToDecision = RISK_TIERS.map((risk) => {
    const t = raw.timeToDecision.find((x) => x.risk === risk);
    return { risk, count: t?.count ?? 0, p50Ms: round(t?.p50Ms ?? null), p90Ms: round(t?.p90Ms ?? null) };
  });
  const value: AuditStatsView = { from, to, days: rows, timeToDecision };
  byDays.set(days, { until: now.getTime() + CACHE_MS, value });
  return value;
}
