/** Durations for the time-to-decision chart: "350ms", "4.2s", "45s", "3m 20s", "2h 05m". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, "0")}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${String(m % 60).padStart(2, "0")}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
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
