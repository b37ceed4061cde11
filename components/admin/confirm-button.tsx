"use client";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { ErrorText } from "./error-text";

/** A button that asks before doing something hard to undo; the dialog stays open with the error if it fails. */
export function ConfirmButton(props: {
  label: ReactNode;
  /** Accessible name of the trigger when `label` alone is ambiguous in a list ("Revoke key cs_abc…"). */
  ariaLabel?: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  variant?: "destructive" | "outline" | "default";
  size?: "sm" | "default";
  disabled?: boolean;
  onConfirm: () => Promise<unknown>;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.onConfirm();
      setOpen(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), setError(null))}>
      <DialogTrigger asChild>
        <Button
          variant={props.variant === "destructive" ? "outline" : (props.variant ?? "outline")}
          className={props.variant === "destructive" ? "text-destructive hover:text-destructive" : undefined}
          size={props.size ?? "sm"}
          disabled={props.disabled}
          aria-label={props.ariaLabel}
        >
          {props.label}
        </Button>
      </DialogTrigger>
      <DialogContent title={props.title} description={props.description}>
        <ErrorText error={error} />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <DialogClose asChild>
            <Button variant="outline">Cancel</Button>
          </DialogClose>
          <Button variant={props.variant ?? "default"} disabled={busy} onClick={() => void confirm()}>
            {props.confirmLabel}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
