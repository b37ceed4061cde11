import { Check, X } from "lucide-react";
import { Button } from "@/components/ui/button";

/** Stays in view at the bottom while rows are selected. */
export function BatchBar({ count, onApprove, onDeny, onClear }: { count: number; onApprove: () => void; onDeny: () => void; onClear: () => void }) {
  return (
    <div className="sticky bottom-3 z-30 flex flex-wrap items-center gap-2 rounded-lg border bg-background/95 p-2 shadow-lg backdrop-blur">
      <span className="px-2 text-sm font-medium">{count} selected</span>
      <Button size="sm" variant="success" onClick={onApprove}>
        <Check /> Approve selected
      </Button>
      <Button size="sm" variant="destructive" onClick={onDeny}>
        <X /> Deny selected
      </Button>
      <Button size="sm" variant="ghost" onClick={onClear}>
        Clear selection
      </Button>
    </div>
  );
}
