"use client";
import { useSyncExternalStore } from "react";
import { Inbox } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyBlock } from "./copy-block";

const noop = () => () => {};
const useOrigin = () => useSyncExternalStore(noop, () => window.location.origin, () => "http://localhost:3000");

export function firstRequestCurl(origin: string): string {
  const body = {
    tool: "github.delete_repository",
    arguments: { owner: "acme", repo: "old-site" },
    annotations: { destructiveHint: true },
    summary: "Delete the acme/old-site repository",
    reason: "Archived two years ago; nothing links to it",
    preview: { impact: "1 repository, 2 open pull requests", reversible: false, rollback: "Restore from the nightly backup" },
    timeoutSeconds: 600,
  };
  return [
    `curl -s -X POST ${origin}/api/trpc/agent.submit \\`,
    `  -H "Authorization: Bearer $COUNTERSIGN_API_KEY" \\`,
    `  -H "content-type: application/json" \\`,
    `  -d '${JSON.stringify(body, null, 2).replaceAll("\n", "\n     ")}'`,
  ].join("\n");
}

export function mcpConfig(origin: string): string {
  return JSON.stringify(
    { mcpServers: { countersign: { type: "http", url: `${origin}/api/mcp`, headers: { Authorization: "Bearer ${COUNTERSIGN_API_KEY}" } } } },
    null,
    2,
  );
}

/** What a new installation shows instead of an empty table: how to send the first request. */
export function EmptyInbox() {
  const origin = useOrigin();
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <Inbox className="size-5" aria-hidden /> Nothing is waiting for you
        </CardTitle>
        <CardDescription>
          Requests appear here the moment an agent asks. To send a first one, create an agent and its API key, then call the API or connect
          an MCP client.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <CopyBlock label="1. Create an agent (prints its API key once)" text={"npx countersign agent create --name my-agent --mode write_destructive\nexport COUNTERSIGN_API_KEY=cs_…"} />
        <CopyBlock label="2. Ask for approval with curl" text={firstRequestCurl(origin)} />
        <CopyBlock label="…or connect an MCP client (e.g. .mcp.json)" text={mcpConfig(origin)} />
      </CardContent>
    </Card>
  );
}
