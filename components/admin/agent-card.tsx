"use client";
import { useState } from "react";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Label, Select } from "@/components/ui/input";
import { SAFETY_MODES, type SafetyMode } from "@/server/domain/approval/annotations";
import type { AgentView } from "@/server/services/agents/list-agents";
import { ConfirmButton } from "./confirm-button";
import { ErrorText } from "./error-text";
import { KeyList } from "./key-list";
import { MODE_LABELS } from "./labels";
import { RotateKeyDialog } from "./rotate-key-dialog";
import { Time } from "./time";
import { useAdminAction } from "./use-admin-action";
import type { RevealedKey } from "./key-reveal-dialog";

export function AgentCard({ agent, onKey }: { agent: AgentView; onKey: (k: RevealedKey) => void }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const run = useAdminAction(trpc.agents.list.queryKey());
  const [modeError, setModeError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const disabled = agent.disabledAt !== null;
  const active = agent.keys.filter((k) => !k.revokedAt).length;

  const changeMode = async (mode: SafetyMode) => {
    setSaving(true);
    setModeError(null);
    try {
      await run(() => client.agents.setMode.mutate({ agentId: agent.id, mode }));
    } catch (e) {
      setModeError(e);
    } finally {
      setSaving(false);
    }
  };

  const modeId = `mode-${agent.id}`;
  return (
    <Card aria-labelledby={`agent-${agent.id}`} className={disabled ? "border-dashed" : undefined}>
      <div className="flex flex-col gap-4 p-4">
        <div className="flex flex-wrap items-center gap-2">
          <h2 id={`agent-${agent.id}`} className="agent-text min-w-0 font-mono text-base font-semibold">
            {agent.name}
          </h2>
          {disabled ? <Badge variant="danger" className="dark:text-foreground">Disabled</Badge> : <Badge variant="success">Active</Badge>}
          <Badge variant="outline">{MODE_LABELS[agent.mode]}</Badge>
        </div>

        <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-muted-foreground">Created</dt>
            <dd>
              <Time iso={agent.createdAt} />
            </dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Last request</dt>
            <dd>
              <Time iso={agent.lastRequestAt} />
            </dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Active keys</dt>
            <dd>{active}</dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Revoked keys</dt>
            <dd>{agent.keys.length - active}</dd>
          </div>
        </dl>

        <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={modeId}>Safety mode</Label>
            <div className="flex items-center gap-2">
              <Select id={modeId} value={agent.mode} disabled={saving} onChange={(e) => void changeMode(e.target.value as SafetyMode)}>
                {SAFETY_MODES.map((m) => (
                  <option key={m} value={m}>
                    {MODE_LABELS[m]}
                  </option>
                ))}
              </Select>
              <span role="status" className="text-xs text-muted-foreground">
                {saving ? "Saving…" : ""}
              </span>
            </div>
            <ErrorText error={modeError} />
          </div>
          <div className="flex flex-wrap gap-2">
            <RotateKeyDialog agent={agent} onKey={onKey} />
            {disabled ? (
              <ConfirmButton
                label="Enable"
                ariaLabel={`Enable ${agent.name}`}
                title="Enable this agent?"
                description={<>Its keys that were not revoked will work again.</>}
                confirmLabel="Enable agent"
                onConfirm={() => run(() => client.agents.enable.mutate({ agentId: agent.id }))}
              />
            ) : (
              <ConfirmButton
                label="Disable"
                ariaLabel={`Disable ${agent.name}`}
                variant="destructive"
                title="Disable this agent?"
                description={
                  <>
                    <span className="agent-text font-medium text-foreground">{agent.name}</span> can no longer submit or claim anything: every one of its keys is refused
                    from its next request. Its pending requests stay in the inbox. You can enable it again.
                  </>
                }
                confirmLabel="Disable agent"
                onConfirm={() => run(() => client.agents.disable.mutate({ agentId: agent.id }))}
              />
            )}
          </div>
        </div>

        <KeyList agent={agent} onKey={onKey} run={run} />
      </div>
    </Card>
  );
}
