import { cn } from "@/components/ui/cn";

/** Whether the page is hearing changes as they happen. */
export function LiveIndicator({ live }: { live: boolean }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-muted-foreground" role="status">
      <span aria-hidden className={cn("size-2 rounded-full", live ? "bg-success" : "bg-muted-foreground/50")} />
      {live ? "Live" : "Connecting…"}
    </span>
  );
}
