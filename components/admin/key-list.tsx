"use client";
import { useTRPCClient } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import type { AgentView } from "@/server/services/agents/list-agents";
import { ConfirmButton } from "./confirm-button";
import { RotateKeyDialog } from "./rotate-key-dialog";
import { Time } from "./time";
import type { RevealedKey } from "./key-reveal-dialog";

/** An agent's keys by prefix (the key itself is never stored), newest first. */
export function KeyList({ agent, onKey, run }: { agent: AgentView; onKey: (k: RevealedKey) => void; run: <T>(call: () => Promise<T>) => Promise<T> }) {
  const client = useTRPCClient();
  if (agent.keys.length === 0) return <p className="text-sm text-muted-foreground">No keys.</p>;
  return (
    <div className="flex flex-col gap-2">
      <h3 className="text-sm font-medium">API keys</h3>
      <ul className="divide-y rounded-md border" aria-label={`API keys of ${agent.name}`}>
        {agent.keys.map((k) => (
          <li key={k.id} className="flex flex-col gap-2 p-2 text-sm sm:flex-row sm:items-center sm:justify-between">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <code className="font-mono">{k.prefix}…</code>
              {k.revokedAt ? (
                <Badge variant="secondary">Revoked</Badge>
              ) : agent.disabledAt ? (
                <Badge variant="secondary" title="Works again when the agent is enabled">
                  Suspended
                </Badge>
              ) : (
                <Badge variant="success">Active</Badge>
              )}
              <span className="text-muted-foreground">
                {k.revokedAt ? (
                  <>
                    revoked <Time iso={k.revokedAt} />
                  </>
                ) : (
                  <>
                    created <Time iso={k.createdAt} />
                  </>
                )}
              </span>
            </div>
            {k.revokedAt ? null : (
              <div className="flex gap-2">
                <RotateKeyDialog agent={agent} replaces={k} onKey={onKey} />
                <ConfirmButton
                  label="Revoke"
                  ariaLabel={`Revoke key ${k.prefix}`}
                  variant="destructive"
                  title="Revoke this key?"
                  description={
                    <>
                      Requests made with <code className="font-mono">{k.prefix}…</code> are refused from now on. This cannot be undone.
                    </>
                  }
                  confirmLabel="Revoke key"
                  onConfirm={() => run(() => client.agents.revokeKey.mutate({ keyId: k.id }))}
                />
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
