"use client";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Bot } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { PageHeader } from "./page-header";
import { ErrorText } from "./error-text";
import { AgentCard } from "./agent-card";
import { CreateAgentDialog } from "./create-agent-dialog";
import { KeyRevealDialog, type RevealedKey } from "./key-reveal-dialog";

export function AgentsPanel() {
  const trpc = useTRPC();
  const list = useQuery(trpc.agents.list.queryOptions());
  const [revealed, setRevealed] = useState<RevealedKey | null>(null);
  return (
    <>
      <PageHeader title="Agents" description="Programs that ask before they act. Each one authenticates with its own API keys; a key is shown once, when it is created.">
        <CreateAgentDialog onCreated={setRevealed} />
      </PageHeader>
      {list.isPending ? (
        <p className="text-sm text-muted-foreground" role="status">
          Loading agents…
        </p>
      ) : list.error ? (
        <ErrorText error={list.error} />
      ) : list.data.length === 0 ? (
        <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed p-10 text-center">
          <Bot className="size-8 text-muted-foreground" aria-hidden />
          <p className="font-medium">No agents yet</p>
          <p className="max-w-sm text-sm text-muted-foreground">Create one to get an API key, then have the agent send its risky actions to <code className="font-mono">/api/trpc/agent.submit</code>.</p>
        </div>
      ) : (
        <ul className="flex flex-col gap-4" aria-label="Agents">
          {list.data.map((a) => (
            <li key={a.id}>
              <AgentCard agent={a} onKey={setRevealed} />
            </li>
          ))}
        </ul>
      )}
      <KeyRevealDialog revealed={revealed} onClose={() => setRevealed(null)} />
    </>
  );
}
