"use client";
import { useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Label, Textarea } from "@/components/ui/input";

/** A denial always carries a reason: the agent reads it and may act on it. */
export function DenyDialog({
  open,
  onOpenChange,
  title,
  about,
  submitLabel = "Deny request",
  busy,
  error,
  onDeny,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  about?: ReactNode;
  submitLabel?: string;
  busy?: boolean;
  error?: string | null;
  onDeny: (reason: string) => void;
}) {
  const [reason, setReason] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim()) onDeny(reason.trim());
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (!o) setReason("");
        onOpenChange(o);
      }}
    >
      <DialogContent title={title} description="The agent is told the reason.">
        {about}
        <form onSubmit={submit} className="flex flex-col gap-3">
          <div className="flex flex-col gap-2">
            <Label htmlFor="deny-reason">Reason</Label>
            <Textarea
              id="deny-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required
              maxLength={5000}
              autoFocus
              placeholder="e.g. Not during the release freeze"
              onKeyDown={(e) => {
                // Ctrl/Cmd+Enter sends, as in most review tools.
                if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) submit(e);
              }}
            />
          </div>
          {error ? (
            <p role="alert" className="agent-text text-sm text-destructive">
              {error}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="destructive" disabled={busy || reason.trim() === ""}>
              {submitLabel}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
