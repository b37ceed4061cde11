"use client";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Loader2, RefreshCw, ShieldAlert, ShieldCheck } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";

/**
 * "Chain verified up to event N", from audit.verify. The server re-hashes
 * only what was appended since its last check; "Re-verify all" starts again
 * from the first event (which also catches edits to old events).
 */
export function ChainStatus() {
  const trpc = useTRPC();
  const [full, setFull] = useState(false);
  const verify = useQuery(trpc.audit.verify.queryOptions(full ? { full: true } : undefined, { staleTime: 60_000, refetchOnWindowFocus: false }));
  const r = verify.data;
  const busy = verify.isFetching;

  let text: string;
  let tone = "text-muted-foreground";
  let Icon = ShieldCheck;
  if (verify.isError) {
    text = `Could not verify: ${verify.error.message}`;
    tone = "text-destructive";
    Icon = ShieldAlert;
  } else if (!r) {
    text = "Verifying the hash chain…";
  } else if (r.ok) {
    text = r.lastSeq === null ? "Chain verified (no events yet)" : `Chain verified up to event ${r.lastSeq.toLocaleString()}`;
    tone = "text-success";
  } else {
    text = `Chain broken at event ${r.firstBroken.seq.toLocaleString()} (${r.firstBroken.reason.replace(/_/g, " ")})`;
    tone = "text-destructive";
    Icon = ShieldAlert;
  }
  const title = r ? `${r.incremental ? "Checked what was appended since the last verification" : "Checked every event"} at ${new Date(r.verifiedAt).toLocaleString()}` : undefined;

  return (
    <div className="flex flex-wrap items-center gap-2">
      <p className={`flex items-center gap-1.5 text-sm font-medium ${tone}`} role="status" title={title}>
        {busy && !r ? <Loader2 className="size-4 animate-spin" aria-hidden /> : <Icon className="size-4" aria-hidden />}
        {text}
      </p>
      <Button
        type="button"
        variant="ghost"
        size="sm"
        disabled={busy}
        onClick={() => (full ? void verify.refetch() : setFull(true))}
        title="Re-hash every event from the first one"
      >
        <RefreshCw className={busy ? "animate-spin" : undefined} aria-hidden /> Re-verify all
      </Button>
    </div>
  );
}
