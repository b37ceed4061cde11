/** Compact durations for countdowns and ages: "42s", "4m 05s", "1h 20m", "3d 4h". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, "0")}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${String(m % 60).padStart(2, "0")}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

export type Urgency = "expired" | "urgent" | "soon" | "calm";

/** How close a deadline is: under a minute is urgent, under five is soon. */
export function deadlineUrgency(expiresAt: string, now: number): Urgency {
  const left = Date.parse(expiresAt) - now;
  if (left <= 0) return "expired";
  if (left < 60_000) return "urgent";
  if (left < 300_000) return "soon";
  return "calm";
}

export function timeLeft(expiresAt: string, now: number): string {
  return formatDuration(Date.parse(expiresAt) - now);
}

export function timeSince(at: string, now: number): string {
  return formatDuration(now - Date.parse(at));
}

/** An absolute time a reviewer can read and compare: "2030-01-01 12:00:05 UTC" in their own zone. */
export function formatWhen(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  return d.toLocaleString(undefined, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" });
}
