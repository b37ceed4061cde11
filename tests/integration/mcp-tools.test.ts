import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { type RunningServer } from "../fixtures/server";
import { data, trpc } from "../fixtures/http";
import { startStack } from "../fixtures/stack";

type Structured = {
  id: string;
  status: string;
  verdict: string;
  url: string;
  expiresAt: string;
  finalArguments: Record<string, unknown> | null;
  executionToken: string | null;
  executionTokenExpiresAt: string | null;
  decision: { by: string; reason: string | null; comment: string | null; modified: boolean } | null;
  execution: { status: string; outcome: string | null } | null;
  violation?: { code: string; mode: string; requiredMode?: string; risk: string; reason: string; suggestion?: string };
  error?: { code: string; message: string; details: Record<string, unknown> };
};

const TOOLS = ["request_approval", "get_approval", "wait_for_approval", "cancel_approval", "check_permission", "claim_execution", "report_outcome"];

const deleteRepo = (overrides: Record<string, unknown> = {}) => ({
  tool: "github.delete_repository",
  arguments: { owner: "acme", repo: "legacy-site" },
  annotations: { destructiveHint: true },
  summary: "Delete the legacy-site repository",
  ...overrides,
});

/** The structured content, after checking the text block carries the same JSON. */
function structured(r: CallToolResult): Structured {
  const text = r.content.find((c) => c.type === "text");
  expect(text?.type === "text" ? JSON.parse(text.text) : null).toEqual(r.structuredContent);
  return r.structuredContent as Structured;
}

describe("MCP over Streamable HTTP with the SDK client", () => {
  let server: RunningServer;
  let reviewerCookie: string;
  const keys: Record<"flow" | "deny" | "expire" | "check" | "misc", string> = { flow: "", deny: "", expire: "", check: "", misc: "" };
  const agentIds: Record<string, string> = {};
  const clients: Client[] = [];

  async function connect(key: string): Promise<Client> {
    const client = new Client({ name: "mcp-test", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/api/mcp`), { requestInit: { headers: { authorization: `Bearer ${key}` } } }));
    clients.push(client);
    return client;
  }

  async function call(client: Client, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
    return (await client.callTool({ name, arguments: args })) as CallToolResult;
  }

  /** The agent's pending request as the reviewer's inbox shows it, once it is there. */
  async function pendingOf(agent: string): Promise<string> {
    for (let i = 0; i < 100; i++) {
      const list = data<{ items: { id: string }[] }>(await trpc(server.url, "review.list", { status: "pending", agentId: agentIds[agent] }, { cookie: reviewerCookie, method: "GET" }));
      if (list.items[0]) return list.items[0].id;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("request never reached the inbox");
  }

  beforeAll(async () => {
    const names = Object.keys(keys) as (keyof typeof keys)[];
    const stack = await startStack("mcp-tools", names.map(() => "write_idempotent"));
    ({ server, cookie: reviewerCookie } = stack);
    names.forEach((k, i) => {
      keys[k] = stack.agent(i).apiKey;
      agentIds[k] = stack.agent(i).agentId;
    });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await server?.stop();
  });

  it("lists every tool with a description, input and output schemas and annotations", async () => {
    const client = await connect(keys.misc);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...TOOLS].sort());
    for (const t of tools) {
      expect(t.description?.length, t.name).toBeGreaterThan(100);
      expect(t.inputSchema.type).toBe("object");
      expect(t.outputSchema?.type).toBe("object");
      expect(t.annotations, t.name).toMatchObject({ readOnlyHint: expect.any(Boolean) as unknown, destructiveHint: expect.any(Boolean) as unknown, idempotentHint: expect.any(Boolean) as unknown, openWorldHint: false });
    }
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect(byName.get("get_approval")?.annotations?.readOnlyHint).toBe(true);
    expect(byName.get("request_approval")?.annotations).toMatchObject({ readOnlyHint: false, idempotentHint: false });
    expect(byName.get("request_approval")?.inputSchema.required).toEqual(expect.arrayContaining(["tool", "arguments"]));
    expect(byName.get("report_outcome")?.description).toMatch(/claim_execution/);
  });

  it.concurrent("request_approval waits for a reviewer who modifies and approves; claim and report then work", async () => {
    const client = await connect(keys.flow);
    const pending = call(client, "request_approval", deleteRepo({ waitSeconds: 30, reason: "unused since 2019" }));
    const id = await pendingOf("flow");
    const decided = await trpc(
      server.url,
      "review.decide",
      { id, decision: { type: "approve", finalArguments: { owner: "acme", repo: "legacy-site-archive" }, comment: "archive copy only" } },
      { cookie: reviewerCookie },
    );
    expect(decided.status).toBe(200);
    const result = await pending;
    expect(result.isError).toBeFalsy();
    const s = structured(result);
    expect(s).toMatchObject({ id, status: "approved", verdict: "allow", finalArguments: { owner: "acme", repo: "legacy-site-archive" } });
    expect(s.decision).toMatchObject({ modified: true, comment: "archive copy only" });
    expect(s.executionToken).toMatch(/^cse_/);
    expect(Date.parse(s.executionTokenExpiresAt ?? "")).toBeGreaterThan(Date.now());
    expect(s.url).toBe(`http://localhost:${server.port}/requests/${id}`);

    // Reporting before claiming is refused, as the tool's description says.
    const early = structured(await call(client, "report_outcome", { id, outcome: "succeeded" }));
    expect(early.error).toMatchObject({ code: "CONFLICT", details: { reason: "not_claimed" } });

    // The proposed arguments are not the approved ones.
    const wrong = await call(client, "claim_execution", { id, executionToken: s.executionToken, arguments: deleteRepo().arguments });
    expect(wrong.isError).toBe(true);
    expect(structured(wrong).error).toMatchObject({ code: "PRECONDITION_FAILED", details: { reason: "arguments_mismatch" } });

    const claimed = await call(client, "claim_execution", { id, executionToken: s.executionToken, arguments: s.finalArguments });
    expect(claimed.isError).toBeFalsy();
    expect(structured(claimed).execution).toMatchObject({ status: "claimed", outcome: null });
    const again = await call(client, "claim_execution", { id, executionToken: s.executionToken, arguments: s.finalArguments });
    expect(structured(again).error).toMatchObject({ code: "CONFLICT" });

    const reported = await call(client, "report_outcome", { id, outcome: "succeeded", detail: "archived" });
    expect(reported.isError).toBeFalsy();
    expect(structured(reported).execution).toMatchObject({ status: "succeeded", outcome: "succeeded" });
    const read = structured(await call(client, "get_approval", { id }));
    expect(read.execution).toMatchObject({ status: "succeeded", outcome: "succeeded" });

    // The audit trail names the channel the agent came through.
    const timeline = data<{ action: string; data: { channel?: string } }[]>(await trpc(server.url, "review.timeline", { id }, { cookie: reviewerCookie, method: "GET" }));
    expect(timeline.find((e) => e.action === "request.submitted")?.data.channel).toBe("mcp");
    expect(timeline.map((e) => e.action)).toEqual(expect.arrayContaining(["execution.claim_refused", "execution.claimed", "execution.reported"]));
  });

  it.concurrent("a read-only action is allowed at once by policy, with an execution token", async () => {
    const client = await connect(keys.misc);
    const r = await call(client, "request_approval", { tool: "github.list_repositories", arguments: { org: "acme" }, annotations: { readOnlyHint: true }, waitSeconds: 10 });
    expect(r.isError).toBeFalsy();
    const s = structured(r);
    expect(s).toMatchObject({ status: "approved", verdict: "allow", finalArguments: { org: "acme" }, decision: { by: "policy" } });
    expect(s.executionToken).toMatch(/^cse_/);
  });

  it.concurrent("a denial is an error result carrying the reviewer's reason and violation code", async () => {
    const client = await connect(keys.deny);
    const first = await call(client, "request_approval", deleteRepo());
    const pending = structured(first);
    expect(first.isError).toBeFalsy();
    expect(pending).toMatchObject({ status: "pending", verdict: "wait" });
    const waiting = call(client, "wait_for_approval", { id: pending.id, waitSeconds: 30 });
    await new Promise((r) => setTimeout(r, 100));
    await trpc(server.url, "review.decide", { id: pending.id, decision: { type: "deny", reason: "that repo still serves docs" } }, { cookie: reviewerCookie });
    const result = await waiting;
    expect(result.isError).toBe(true);
    const s = structured(result);
    expect(s).toMatchObject({ status: "denied", verdict: "deny", executionToken: null, finalArguments: null });
    expect(s.violation).toMatchObject({ code: "denied_by_reviewer", reason: "that repo still serves docs", mode: "write_idempotent", requiredMode: "write_destructive", risk: "critical" });
    expect(s.violation?.suggestion).toBeTruthy();
    // get_approval says the same later.
    const later = await call(client, "get_approval", { id: pending.id });
    expect(later.isError).toBe(true);
    expect(structured(later).violation?.code).toBe("denied_by_reviewer");
    // Cancelling a decided request is a CONFLICT tool error, not a protocol error.
    const cancel = await call(client, "cancel_approval", { id: pending.id });
    expect(cancel.isError).toBe(true);
    expect(structured(cancel).error?.code).toBe("CONFLICT");
  });

  it.concurrent("an undecided request comes back expired at its deadline through wait_for_approval", async () => {
    const client = await connect(keys.expire);
    const sub = structured(await call(client, "request_approval", deleteRepo({ timeoutSeconds: 5 })));
    expect(sub.status).toBe("pending");
    // The first wait may end before the deadline; keep waiting as an agent would.
    let result = await call(client, "wait_for_approval", { id: sub.id, waitSeconds: 30 });
    while (!result.isError && structured(result).status === "pending") result = await call(client, "wait_for_approval", { id: sub.id });
    const heardAt = Date.now();
    expect(result.isError).toBe(true);
    const s = structured(result);
    expect(s).toMatchObject({ status: "expired", verdict: "deny" });
    expect(s.violation).toMatchObject({ code: "expired", reason: expect.stringMatching(/deadline/) as unknown });
    expect(heardAt).toBeGreaterThanOrEqual(Date.parse(sub.expiresAt));
    expect(heardAt - Date.parse(sub.expiresAt)).toBeLessThan(1500);
  });

  it.concurrent("check_permission answers allow / require_approval and creates no request", async () => {
    const client = await connect(keys.check);
    const read = await call(client, "check_permission", { tool: "github.list_repositories", annotations: { readOnlyHint: true } });
    expect(read.isError).toBeFalsy();
    expect(structured(read)).toMatchObject({ verdict: "allow", risk: "low", requiredMode: "read_only", agentMode: "write_idempotent", violation: null });
    const { summary: _, ...action } = deleteRepo();
    const destructive = await call(client, "check_permission", action);
    expect(structured(destructive)).toMatchObject({ verdict: "require_approval", risk: "critical", requiredMode: "write_destructive" });
    const list = data<{ items: unknown[] }>(await trpc(server.url, "review.list", { agentId: agentIds.check }, { cookie: reviewerCookie, method: "GET" }));
    expect(list.items).toHaveLength(0);
  });

  it.concurrent("a cancelled request reads as an error result with code cancelled", async () => {
    const client = await connect(keys.misc);
    const sub = structured(await call(client, "request_approval", deleteRepo({ idempotencyKey: "cancel-me" })));
    const cancelled = await call(client, "cancel_approval", { id: sub.id, reason: "user changed their mind" });
    expect(cancelled.isError).toBeFalsy();
    expect(structured(cancelled)).toMatchObject({ status: "cancelled", verdict: "deny" });
    const read = await call(client, "get_approval", { id: sub.id });
    expect(read.isError).toBe(true);
    expect(structured(read).violation).toMatchObject({ code: "cancelled", reason: "user changed their mind" });
  });

  it.concurrent("service errors are error results with code, message and details", async () => {
    const client = await connect(keys.misc);
    const missing = await call(client, "get_approval", { id: "00000000-0000-7000-8000-000000000000" });
    expect(missing.isError).toBe(true);
    expect(structured(missing).error).toMatchObject({ code: "NOT_FOUND", details: { id: "00000000-0000-7000-8000-000000000000" } });
    // Deeper than the service allows: the SDK's schema lets it through, the verb refuses it.
    let deep: unknown = "x";
    for (let i = 0; i < 40; i++) deep = { d: deep };
    const tooDeep = await call(client, "request_approval", deleteRepo({ arguments: { deep } }));
    expect(tooDeep.isError).toBe(true);
    expect(structured(tooDeep).error).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/deeper than the limit/) as unknown });
  });
});
