"use client";
import { useState } from "react";
import { KeyRound, RefreshCw } from "lucide-react";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { AgentView, ApiKeyView } from "@/server/services/agents/list-agents";
import { ErrorText } from "./error-text";
import { useAdminAction } from "./use-admin-action";
import type { RevealedKey } from "./key-reveal-dialog";

/**
 * Issues a new key for an agent. From a key's row it is a rotation: the old
 * key is revoked in the same step unless the admin keeps it for a switch-over.
 */
export function RotateKeyDialog({ agent, replaces, onKey }: { agent: AgentView; replaces?: ApiKeyView; onKey: (k: RevealedKey) => void }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const run = useAdminAction(trpc.agents.list.queryKey());
  const [open, setOpen] = useState(false);
  const [revokeOld, setRevokeOld] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const issue = async () => {
    setBusy(true);
    setError(null);
    try {
      const revokeKeyId = replaces && revokeOld ? replaces.id : undefined;
      const r = await run(() => client.agents.rotateKey.mutate({ agentId: agent.id, revokeKeyId }));
      setOpen(false);
      const note = replaces && !revokeOld ? `The old key ${replaces.prefix}… still works; revoke it once the agent uses the new one.` : undefined;
      onKey({ agentName: agent.name, apiKey: r.apiKey, note });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const checkboxId = `revoke-${replaces?.id ?? agent.id}`;
  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), setError(null), setRevokeOld(true))}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" disabled={agent.disabledAt !== null} aria-label={replaces ? `Rotate key ${replaces.prefix}` : `New key for ${agent.name}`}>
          {replaces ? <RefreshCw aria-hidden /> : <KeyRound aria-hidden />}
          {replaces ? "Rotate" : "New key"}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={replaces ? "Rotate API key" : "Issue a new API key"}
        description={
          <>
            A new key for <span className="agent-text font-medium text-foreground">{agent.name}</span>, shown once.
          </>
        }
      >
        {replaces ? (
          <label htmlFor={checkboxId} className="flex items-start gap-2 text-sm">
            <input id={checkboxId} type="checkbox" className="mt-0.5 size-4" checked={revokeOld} onChange={(e) => setRevokeOld(e.target.checked)} />
            <span>
              Revoke <code className="font-mono">{replaces.prefix}…</code> now. Leave unticked to keep it working until the agent has switched to the new key.
            </span>
          </label>
        ) : (
          <p className="text-sm text-muted-foreground">The agent&apos;s existing keys keep working.</p>
        )}
        <ErrorText error={error} />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <DialogClose asChild>
            <Button variant="outline">Cancel</Button>
          </DialogClose>
          <Button disabled={busy} onClick={() => void issue()}>
            {replaces ? "Rotate key" : "Issue key"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
