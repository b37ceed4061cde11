import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateText, stepCountIs, tool } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { z } from "zod";
import { createClient, countersignTool, ApprovalDeniedError, type CountersignClient } from "../../server/client/index";
import { startClientEnv, type ClientEnv } from "./client-helpers";

type RepoArgs = { owner: string; repo: string };
const usage = { inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 1, text: 1, reasoning: 0 } };

/** A stand-in for the model provider (outside this machine): first a tool call, then a closing text. */
function scriptedModel(callId: string, input: RepoArgs) {
  return new MockLanguageModelV3({
    doGenerate: [
      {
        content: [{ type: "tool-call", toolCallId: callId, toolName: "deleteRepository", input: JSON.stringify(input) }],
        finishReason: { unified: "tool-calls", raw: "tool_calls" },
        usage,
        warnings: [],
      },
      { content: [{ type: "text", text: "done" }], finishReason: { unified: "stop", raw: "stop" }, usage, warnings: [] },
    ],
  });
}

describe("Vercel AI SDK adapter (ai@6) against a real server", () => {
  let env: ClientEnv;
  let cs: CountersignClient;
  const calls: RepoArgs[] = [];

  const deleteRepository = () =>
    tool({
      description: "Delete a GitHub repository",
      inputSchema: z.object({ owner: z.string(), repo: z.string().min(1) }),
      execute: ({ owner, repo }) => {
        calls.push({ owner, repo });
        return Promise.resolve({ deleted: `${owner}/${repo}` });
      },
    });

  beforeAll(async () => {
    env = await startClientEnv("client-ai-sdk");
    cs = createClient({ baseUrl: env.server.url, apiKey: env.apiKey });
  });
  afterAll(async () => env?.stop());

  it("execute (called as the SDK calls it) runs with the reviewer's modified arguments; the inputSchema guards the modification", async () => {
    calls.length = 0;
    const guarded = countersignTool(cs, deleteRepository(), { tool: "github.delete_repository", summary: (a) => `Delete ${a.owner}/${a.repo}` });
    const execute = guarded.execute;
    if (!execute) throw new Error("the wrapped tool lost its execute");
    const running = execute({ owner: "acme", repo: "production-site" }, { toolCallId: "call-direct", messages: [] });
    const item = await env.nextPending("github.delete_repository");
    expect(item.summary).toBe("Delete acme/production-site");
    // The zod inputSchema went along as argumentsSchema: a modification that breaks it is refused.
    const refused = await env.tryDecide(item.id, { type: "approve", finalArguments: { owner: "acme", repo: "" } });
    expect(refused.status).toBe(400);
    await env.decide(item.id, { type: "approve", finalArguments: { owner: "acme", repo: "legacy-site" } });
    expect(await running).toEqual({ deleted: "acme/legacy-site" });
    expect(calls).toEqual([{ owner: "acme", repo: "legacy-site" }]);
    expect((await cs.get(item.id)).execution).toMatchObject({ outcome: "succeeded" });
  });

  it("generateText with a model that calls the tool: approval runs it and the model gets the result", async () => {
    calls.length = 0;
    const model = scriptedModel("call-approve", { owner: "acme", repo: "legacy-site" });
    const tools = { deleteRepository: countersignTool(cs, deleteRepository(), { tool: "github.delete_repository" }) };
    const generating = generateText({ model, tools, prompt: "clean up legacy-site", stopWhen: stepCountIs(3) });
    const item = await env.nextPending("github.delete_repository");
    expect(item.arguments).toEqual({ owner: "acme", repo: "legacy-site" });
    await env.decide(item.id, { type: "approve" });
    const result = await generating;

    expect(result.text).toBe("done");
    expect(calls).toEqual([{ owner: "acme", repo: "legacy-site" }]);
    const toolResult = result.steps[0]?.content.find((p) => p.type === "tool-result");
    expect(toolResult).toMatchObject({ toolCallId: "call-approve", output: { deleted: "acme/legacy-site" } });
  });

  it("generateText: a denial reaches the model as the tool's error, with the reviewer's reason, and nothing runs", async () => {
    calls.length = 0;
    const model = scriptedModel("call-deny", { owner: "acme", repo: "production-site" });
    const tools = { deleteRepository: countersignTool(cs, deleteRepository(), { tool: "github.delete_repository" }) };
    const generating = generateText({ model, tools, prompt: "delete production-site", stopWhen: stepCountIs(3) });
    const item = await env.nextPending("github.delete_repository");
    await env.decide(item.id, { type: "deny", reason: "production is frozen" });
    const result = await generating;

    expect(calls).toEqual([]);
    const toolError = result.steps[0]?.content.find((p) => p.type === "tool-error");
    expect(toolError?.type === "tool-error" && toolError.error).toBeInstanceOf(ApprovalDeniedError);
    expect(toolError).toMatchObject({ toolCallId: "call-deny", error: { status: "denied", reason: "production is frozen" } });
    // The model's next turn carries the refusal, so it can tell the user or try something else.
    expect(JSON.stringify(model.doGenerateCalls[1]?.prompt)).toContain("production is frozen");
  });

  it("refuses to wrap a tool without execute", () => {
    const noExecute = tool({ description: "client-side tool", inputSchema: z.object({ q: z.string() }) });
    expect(() => countersignTool(cs, noExecute, { tool: "client.ask" })).toThrow(/no execute function/);
  });
});
