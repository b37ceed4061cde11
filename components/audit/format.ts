import { formatDuration as formatCompactDuration } from "../approval/time-format";

/** Durations for the time-to-decision chart: "350ms", "4.2s", then as countdowns show them ("45s", "3m 20s", "2h 05m"). */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)}s`;
  return formatCompactDuration(Math.round(ms / 1000) * 1000);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An event's time in the reader's zone as "2026-11-22 14:05:09": compact, sortable, to the second. */
export function formatAt(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** "request.approved" → "request approved"; the dotted name stays available as a title. */
export const actionLabel = (action: string) => action.replace(/[._]/g, " ");

export const OUTCOME_VARIANT = {
  approved: "success",
  succeeded: "success",
  denied: "danger",
  failed: "danger",
  expired: "medium",
  cancelled: "secondary",
} as const;

export const outcomeVariant = (o: string) => (o in OUTCOME_VARIANT ? OUTCOME_VARIANT[o as keyof typeof OUTCOME_VARIANT] : "outline");
