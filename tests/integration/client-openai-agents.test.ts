import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent, RunState, run, tool } from "@openai/agents";
import { ScriptedModel, assistantMessage, functionCall } from "@openai/agents/testing";
import { z } from "zod";
import { createClient, countersignApproval, resolveInterruptions, type CountersignClient } from "../../server/client/index";
import { startClientEnv, type ClientEnv } from "./client-helpers";

// No traces leave the machine.
process.env.OPENAI_AGENTS_DISABLE_TRACING = "1";

type RepoArgs = { owner: string; repo: string };
const parameters = z.object({ owner: z.string(), repo: z.string() });

describe("OpenAI Agents SDK adapter (@openai/agents 0.20) against a real server", () => {
  let env: ClientEnv;
  let cs: CountersignClient;

  beforeAll(async () => {
    env = await startClientEnv("client-openai-agents");
    cs = createClient({ baseUrl: env.server.url, apiKey: env.apiKey });
  });
  afterAll(async () => env?.stop());

  /** An agent whose (scripted, stand-in) model calls delete_repository once, then says "done". */
  function setup(callId: string, args: RepoArgs, countersign: Parameters<typeof countersignApproval<RepoArgs>>[1] = { tool: "github.delete_repository" }, opts: { needsApproval?: boolean } = {}) {
    const calls: RepoArgs[] = [];
    const approval = countersignApproval<RepoArgs>(cs, countersign);
    const deleteRepository = tool({
      name: "delete_repository",
      description: "Delete a GitHub repository",
      parameters,
      ...(opts.needsApproval === false ? {} : { needsApproval: approval.needsApproval }),
      execute: approval.execute((input: RepoArgs) => {
        calls.push(input);
        return Promise.resolve(`deleted ${input.owner}/${input.repo}`);
      }),
    });
    const model = new ScriptedModel([[functionCall("delete_repository", args, { callId })], [assistantMessage("done")]]);
    const agent = new Agent({ name: "janitor", instructions: "Clean up repositories.", model, tools: [deleteRepository] });
    return { agent, model, calls };
  }

  it("interrupts, waits for the reviewer, and runs with the modified arguments once approved", async () => {
    const { agent, model, calls } = setup("call_approve", { owner: "acme", repo: "production-site" });
    let result = await run(agent, "clean up");
    expect(result.interruptions).toHaveLength(1);
    expect(calls).toEqual([]);

    const item = await env.nextPending("github.delete_repository");
    expect(item.arguments).toEqual({ owner: "acme", repo: "production-site" });
    const resolving = resolveInterruptions(cs, result);
    await env.decide(item.id, { type: "approve", finalArguments: { owner: "acme", repo: "legacy-site" } });
    const resolved = await resolving;
    expect(resolved.approved.map((a) => a.view.id)).toEqual([item.id]);
    expect(resolved.rejected).toEqual([]);

    result = await run(agent, result.state);
    expect(result.interruptions).toHaveLength(0);
    expect(result.finalOutput).toBe("done");
    expect(calls).toEqual([{ owner: "acme", repo: "legacy-site" }]);
    expect(JSON.stringify(model.lastCall?.request.input)).toContain("deleted acme/legacy-site");
    expect((await cs.get(item.id)).execution).toMatchObject({ status: "succeeded", outcome: "succeeded" });
  });

  it("a denial rejects the interruption with the reviewer's reason, which the model reads; nothing runs", async () => {
    const { agent, model, calls } = setup("call_deny", { owner: "acme", repo: "production-site" });
    let result = await run(agent, "clean up");
    const item = await env.nextPending("github.delete_repository");
    await env.decide(item.id, { type: "deny", reason: "production is frozen" });
    const resolved = await resolveInterruptions(cs, result);
    expect(resolved.rejected).toHaveLength(1);
    expect(resolved.rejected[0]?.message).toContain("production is frozen");

    result = await run(agent, result.state);
    expect(result.finalOutput).toBe("done");
    expect(calls).toEqual([]);
    expect(JSON.stringify(model.lastCall?.request.input)).toContain("production is frozen");
    expect((await cs.get(item.id)).execution).toBeNull();
  });

  it("a read-only call that policy approves does not interrupt the run at all", async () => {
    const { agent, calls } = setup("call_read", { owner: "acme", repo: "docs" }, { tool: "github.get_repository", annotations: { readOnlyHint: true } });
    const result = await run(agent, "look");
    expect(result.interruptions).toHaveLength(0);
    expect(result.finalOutput).toBe("done");
    expect(calls).toEqual([{ owner: "acme", repo: "docs" }]);
  });

  it("without needsApproval, the wrapped execute asks and waits inside the tool call", async () => {
    const { agent, calls } = setup("call_inline", { owner: "acme", repo: "legacy-site" }, { tool: "github.delete_repository" }, { needsApproval: false });
    const running = run(agent, "clean up");
    const item = await env.nextPending("github.delete_repository");
    await env.decide(item.id, { type: "approve" });
    const result = await running;
    expect(result.finalOutput).toBe("done");
    expect(calls).toEqual([{ owner: "acme", repo: "legacy-site" }]);
    expect((await cs.get(item.id)).execution).toMatchObject({ outcome: "succeeded" });
  });

  it("a modified approval for a tool whose execute is not wrapped is rejected with the approved arguments, never run as proposed", async () => {
    const calls: RepoArgs[] = [];
    const approval = countersignApproval<RepoArgs>(cs, { tool: "github.delete_repository" });
    const plain = tool({
      name: "delete_repository",
      description: "Delete a GitHub repository",
      parameters,
      needsApproval: approval.needsApproval,
      execute: (input: RepoArgs) => {
        calls.push(input);
        return "deleted";
      },
    });
    const model = new ScriptedModel([[functionCall("delete_repository", { owner: "acme", repo: "production-site" }, { callId: "call_plain" })], [assistantMessage("done")]]);
    const agent = new Agent({ name: "plain", instructions: "x", model, tools: [plain] });
    let result = await run(agent, "clean up");
    const item = await env.nextPending("github.delete_repository");
    await env.decide(item.id, { type: "approve", finalArguments: { owner: "acme", repo: "legacy-site" } });
    const resolved = await resolveInterruptions(cs, result);
    expect(resolved.rejected[0]?.message).toContain('{"owner":"acme","repo":"legacy-site"}');
    result = await run(agent, result.state);
    expect(calls).toEqual([]);
    expect(JSON.stringify(model.lastCall?.request.input)).toContain("Call the tool again with exactly these arguments");
  });

  it("a run serialized while waiting and restored elsewhere finds the same Countersign request again", async () => {
    // A preview computed afresh on every ask: the resumed run's resubmission differs from the first (an idempotency CONFLICT).
    const freshPreview = () => ({ impact: `forks counted at ${Math.random()}` });
    const { agent, calls } = setup("call_restore", { owner: "acme", repo: "old-wiki" }, { tool: "github.delete_repository", preview: freshPreview });
    const first = await run(agent, "clean up");
    expect(first.interruptions).toHaveLength(1);
    const saved = first.state.toString();
    const item = await env.nextPending("github.delete_repository");
    await env.decide(item.id, { type: "approve" });

    // "Another process": a fresh client (so nothing remembered), the state restored from its string.
    const elsewhere = createClient({ baseUrl: env.server.url, apiKey: env.apiKey });
    const approval = countersignApproval<RepoArgs>(elsewhere, { tool: "github.delete_repository", preview: freshPreview });
    const restoredTool = tool({
      name: "delete_repository",
      description: "Delete a GitHub repository",
      parameters,
      needsApproval: approval.needsApproval,
      execute: approval.execute((input: RepoArgs) => {
        calls.push(input);
        return Promise.resolve("deleted");
      }),
    });
    const model = new ScriptedModel([[assistantMessage("done")]]);
    const restoredAgent = new Agent({ name: "janitor", instructions: "Clean up repositories.", model, tools: [restoredTool] });
    // needsApproval runs again on resume; the idempotency key finds the request, already approved, so the tool runs.
    const result = await run(restoredAgent, await RunState.fromString(restoredAgent, saved));
    expect(result.interruptions).toHaveLength(0);
    expect(result.finalOutput).toBe("done");
    expect(calls).toEqual([{ owner: "acme", repo: "old-wiki" }]);
    expect((await cs.get(item.id)).execution).toMatchObject({ outcome: "succeeded" });
    expect(agent.name).toBe(restoredAgent.name);
  });

  it("leaves interruptions it did not submit alone", async () => {
    const model = new ScriptedModel([[functionCall("wipe", {}, { callId: "call_other" })], [assistantMessage("done")]]);
    const wipe = tool({ name: "wipe", description: "wipe", parameters: z.object({}), needsApproval: true, execute: () => "wiped" });
    const agent = new Agent({ name: "other", instructions: "x", model, tools: [wipe] });
    const result = await run(agent, "go");
    const resolved = await resolveInterruptions(cs, result);
    expect(resolved.unmanaged).toHaveLength(1);
    expect(resolved.approved).toEqual([]);
    expect(result.state.getInterruptions()).toHaveLength(1);
  });
});
