import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { humanlayer, type HumanLayer } from "@humanlayer/sdk";
import { type RunningServer } from "../fixtures/server";
import { data, trpc } from "../fixtures/http";
import { startStack } from "../fixtures/stack";

type Item = { id: string; kind: string; tool: string; session: string | null; status: string; arguments: Record<string, unknown> | null; question: { message: string } | null };

/**
 * The HumanLayer TypeScript SDK, unchanged, against the real server: only
 * its base URL and API key point at Countersign. Every reviewer decision
 * goes through the dashboard's own tRPC calls. Each case costs at least one
 * 3 s SDK poll, so they run concurrently.
 */
describe.concurrent("@humanlayer/sdk against Countersign", () => {
  let server: RunningServer;
  let apiKey: string;
  let cookie: string;

  beforeAll(async () => {
    const stack = await startStack("humanlayer-sdk");
    ({ server, cookie } = stack);
    apiKey = stack.agent(0).apiKey;
  });
  afterAll(async () => server?.stop());

  const sdk = (runId: string): HumanLayer => humanlayer({ apiKey, apiBaseUrl: `${server.url}/api/humanlayer/v1`, runId });

  /** What a reviewer sees in the inbox: the pending request of this run. */
  async function pendingOf(runId: string): Promise<Item> {
    const until = Date.now() + 10_000;
    while (Date.now() < until) {
      const page = data<{ items: Item[] }>(await trpc(server.url, "review.list", { status: "pending", limit: 200 }, { cookie, method: "GET" }));
      const item = page.items.find((i) => i.session === runId);
      if (item) return item;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no pending request for run ${runId}`);
  }

  const decide = async (id: string, decision: unknown) => {
    const r = await trpc(server.url, "review.decide", { id, decision }, { cookie });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };

  type SendEmail = (kwargs: { to: string; body: string }) => Promise<string>;
  function sendEmail(runs: unknown[]): SendEmail {
    // The SDK names the request after the function.
    return function send_email(kwargs) {
      runs.push(kwargs);
      return Promise.resolve(`sent to ${kwargs.to}`);
    };
  }

  it("requireApproval: a reviewer's approval runs the function with its arguments", async () => {
    const runs: unknown[] = [];
    const guarded = sdk("run-approve").requireApproval<SendEmail>()(sendEmail(runs));
    const result = guarded({ to: "ops@example.com", body: "deploy done" });
    const item = await pendingOf("run-approve");
    expect(item).toMatchObject({ kind: "action", tool: "send_email", arguments: { to: "ops@example.com", body: "deploy done" } });
    expect(runs).toEqual([]);
    await decide(item.id, { type: "approve", comment: "fine" });
    expect(await result).toBe("sent to ops@example.com");
    expect(runs).toEqual([{ to: "ops@example.com", body: "deploy done" }]);
  });

  it("requireApproval: a denial with a reason reaches the agent and the function does not run", async () => {
    const runs: unknown[] = [];
    const guarded = sdk("run-deny").requireApproval<SendEmail>()(sendEmail(runs));
    const result = guarded({ to: "all-customers@example.com", body: "oops" });
    const item = await pendingOf("run-deny");
    await decide(item.id, { type: "deny", reason: "never email every customer" });
    expect(await result).toBe("User denied function send_email with comment: never email every customer");
    expect(runs).toEqual([]);
  });

  it("requireApproval: an approval with modified arguments is reported as a denial naming them, and the original call does not run", async () => {
    const runs: unknown[] = [];
    const guarded = sdk("run-modify").requireApproval<SendEmail>()(sendEmail(runs));
    const result = guarded({ to: "all-customers@example.com", body: "new pricing" });
    const item = await pendingOf("run-modify");
    const finalArguments = { to: "pricing-team@example.com", body: "new pricing" };
    await decide(item.id, { type: "approve", finalArguments, comment: "internal first" });
    const said = String(await result);
    expect(said).toMatch(/^User denied function send_email with comment: The reviewer approved send_email only with changed arguments/);
    expect(said).toContain(JSON.stringify(finalArguments));
    expect(said).toContain("internal first");
    expect(runs).toEqual([]);
  });

  it("fetchHumanResponse: the reviewer's answer (review.answer) is what the SDK returns", async () => {
    const response = sdk("run-ask").fetchHumanResponse({ spec: { msg: "Which region should the bucket live in?" } });
    const item = await pendingOf("run-ask");
    expect(item).toMatchObject({ kind: "question", tool: "human_contact", question: { message: "Which region should the bucket live in?" } });
    const r = await trpc(server.url, "review.answer", { id: item.id, answer: "eu-central-1" }, { cookie });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(await response).toBe("eu-central-1");
  });

  it("fetchHumanResponse: a dismissed question ends the SDK's wait with an error carrying the reason (it would otherwise poll forever)", async () => {
    const response = sdk("run-dismiss").fetchHumanResponse({ spec: { msg: "May I page the on-call engineer?" } });
    const settled = response.then(
      (v) => ({ ok: true as const, v }),
      (e: unknown) => ({ ok: false as const, e }),
    );
    const item = await pendingOf("run-dismiss");
    await decide(item.id, { type: "deny", reason: "No - open a ticket instead" });
    const r = await settled;
    expect(r.ok).toBe(false);
    expect(r.ok ? "" : String(r.e)).toMatch(/410.*No - open a ticket instead/);
  });
});
