"use client";
import { cn } from "@/components/ui/cn";
import { deadlineUrgency, formatWhen, timeLeft, timeSince } from "./time-format";
import { useNow } from "./use-now";

/** Time left before the default deny; red in the last minute. */
export function Countdown({ expiresAt, className }: { expiresAt: string; className?: string }) {
  const now = useNow();
  if (now === 0) return <span className={className}>—</span>;
  const urgency = deadlineUrgency(expiresAt, now);
  return (
    <span
      className={cn("tabular-nums", urgency === "urgent" && "font-semibold text-destructive", urgency === "expired" && "text-muted-foreground", className)}
      title={`Denied automatically at ${formatWhen(expiresAt)} unless someone decides`}
    >
      {urgency === "soon" || urgency === "urgent" ? (
        <span aria-hidden className={cn("mr-1 inline-block size-2 rounded-full", urgency === "urgent" ? "bg-destructive" : "bg-warning")} />
      ) : null}
      {urgency === "expired" ? "expired" : timeLeft(expiresAt, now)}
    </span>
  );
}

/** How long ago: "waited 4m 12s". */
export function Since({ at, className }: { at: string; className?: string }) {
  const now = useNow();
  return (
    <span className={cn("tabular-nums", className)} title={formatWhen(at)}>
      {now === 0 ? "—" : timeSince(at, now)}
    </span>
  );
}
