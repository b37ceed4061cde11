"use client";
import { useState, type FormEvent } from "react";
import { TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import { AgentText } from "./agent-text";

/** A critical action is approved only after the reviewer types its tool name: a deliberate act, not a stray keypress. */
export function CriticalConfirmDialog({
  open,
  onOpenChange,
  tool,
  summary,
  busy,
  onConfirm,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  tool: string;
  summary: string | null;
  busy?: boolean;
  onConfirm: () => void;
}) {
  const [typed, setTyped] = useState("");
  const matches = typed.trim() === tool;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (matches) onConfirm();
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (!o) setTyped("");
        onOpenChange(o);
      }}
    >
      <DialogContent title="Approve a critical action" description="Critical actions are usually irreversible.">
        <div className="flex gap-2 rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm">
          <TriangleAlert className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden />
          <div className="min-w-0">
            <AgentText as="p" className="font-mono font-medium" text={tool} />
            {summary ? <AgentText as="p" className="mt-1" text={summary} /> : null}
          </div>
        </div>
        <form onSubmit={submit} className="flex flex-col gap-3">
          <div className="flex flex-col gap-2">
            <Label htmlFor="confirm-tool">
              Type the tool name <AgentText className="font-mono" text={tool} /> to confirm
            </Label>
            <Input id="confirm-tool" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} autoFocus className="font-mono" />
          </div>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="success" disabled={!matches || busy}>
              Confirm approval
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
