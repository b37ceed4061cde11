"use client";
import { useState, type FormEvent } from "react";
import { Plus } from "lucide-react";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Input, Label, Select } from "@/components/ui/input";
import { SAFETY_MODES, type SafetyMode } from "@/server/domain/approval/annotations";
import { field } from "@/lib/form";
import { ErrorText } from "./error-text";
import { MODE_LABELS } from "./labels";
import { useAdminAction } from "./use-admin-action";
import type { RevealedKey } from "./key-reveal-dialog";

export function CreateAgentDialog({ onCreated }: { onCreated: (k: RevealedKey) => void }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const run = useAdminAction(trpc.agents.list.queryKey());
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const created = await run(() => client.agents.create.mutate({ name: field(f, "name").trim(), mode: field(f, "mode") as SafetyMode }));
      setOpen(false);
      onCreated({ agentName: created.name, apiKey: created.apiKey });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), setError(null))}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden /> Create agent
        </Button>
      </DialogTrigger>
      <DialogContent title="Create an agent" description="The agent gets its first API key, shown once on the next screen.">
        <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-4">
          <div className="flex flex-col gap-2">
            <Label htmlFor="agent-name">Name</Label>
            <Input id="agent-name" name="name" required maxLength={100} pattern="[A-Za-z0-9_.\-]+" aria-describedby="agent-name-hint" autoComplete="off" placeholder="deploy-bot" />
            <p id="agent-name-hint" className="text-xs text-muted-foreground">
              Letters, digits and _ . - (shown to reviewers with every request).
            </p>
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor="agent-mode">Safety mode</Label>
            <Select id="agent-mode" name="mode" defaultValue="read_only" aria-describedby="agent-mode-hint">
              {SAFETY_MODES.map((m) => (
                <option key={m} value={m}>
                  {MODE_LABELS[m]}
                </option>
              ))}
            </Select>
            <p id="agent-mode-hint" className="text-xs text-muted-foreground">
              The most an agent may ask for: read-only &lt; idempotent writes &lt; destructive writes. Can be changed later.
            </p>
          </div>
          <ErrorText error={error} />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" disabled={busy}>
              Create agent
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
