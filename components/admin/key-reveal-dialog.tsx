"use client";
import { TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import { CopyButton } from "./copy-button";

export type RevealedKey = { agentName: string; apiKey: string; note?: string };

/** The only place a new API key is ever shown: the server keeps its hash, so closing this dialog loses it for good. */
export function KeyRevealDialog({ revealed, onClose }: { revealed: RevealedKey | null; onClose: () => void }) {
  return (
    <Dialog open={revealed !== null} onOpenChange={(open) => !open && onClose()}>
      {revealed ? (
        <DialogContent
          title="Copy the new API key"
          description={
            <>
              For agent <span className="agent-text font-medium text-foreground">{revealed.agentName}</span>. Send it as{" "}
              <code className="font-mono text-xs">Authorization: Bearer …</code>.
            </>
          }
          onInteractOutside={(e) => e.preventDefault()}
        >
          <div role="alert" className="flex gap-2 rounded-md border border-warning/50 bg-warning/10 p-3 text-sm">
            <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
            <p>This key will not be shown again. Store it in your agent&apos;s secret store now; if it is lost, rotate the key.</p>
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor="new-api-key">API key</Label>
            <div className="flex gap-2">
              <Input id="new-api-key" readOnly value={revealed.apiKey} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
              <CopyButton text={revealed.apiKey} label="Copy API key" fallbackInputId="new-api-key" />
            </div>
          </div>
          {revealed.note ? <p className="text-sm text-muted-foreground">{revealed.note}</p> : null}
          <div className="flex justify-end">
            <DialogClose asChild>
              <Button>I have stored the key</Button>
            </DialogClose>
          </div>
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
