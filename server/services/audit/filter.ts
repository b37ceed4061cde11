import { toSearchQuery } from "../../domain/audit/search-query";
import type { AuditFilter } from "../../db/audit-search";
import type { AuditFilterInput } from "./schemas";

const DAY_MS = 86_400_000;
const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** `from` a day means from its start (UTC); `to` a day means through its end. */
function instant(s: string, end: boolean): string {
  if (isDay(s)) return new Date(Date.parse(`${s}T00:00:00.000Z`) + (end ? DAY_MS : 0)).toISOString();
  return new Date(s).toISOString();
}

/** Validated dashboard/URL filter → store filter. The search text becomes a safe FTS5 expression or a request id. */
export function toStoreFilter(input: AuditFilterInput): AuditFilter {
  const f: AuditFilter = {};
  const q = input.q === undefined ? ({ kind: "none" } as const) : toSearchQuery(input.q);
  if (q.kind === "match") f.phrases = q.phrases;
  if (q.kind === "request") f.requestId = q.requestId;
  for (const k of ["outcome", "risk", "agent", "tool", "reviewer", "channel"] as const) {
    const v = input[k];
    if (v !== undefined) f[k] = v;
  }
  if (input.from !== undefined) f.from = instant(input.from, false);
  if (input.to !== undefined) f.to = instant(input.to, true);
  return f;
}
