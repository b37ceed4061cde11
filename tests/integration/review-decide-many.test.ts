import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "@/server/runtime/runtime";
import type { AgentActor, UserActor } from "@/server/api/context";
import { agentCaller, createTestRuntime, makeAgent, makeUser, userCaller, writeRequest } from "../fixtures/runtime";
import { failure } from "../fixtures/errors";
import { auditRows } from "../fixtures/sql";

describe("review.decideMany: one decision for many requests", () => {
  let rt: Runtime;
  let agent: AgentActor;
  let reviewer: UserActor;
  let other: UserActor;
  let viewer: UserActor;
  const submitN = async (n: number) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push((await agentCaller(rt, agent).agent.submit(writeRequest({ arguments: { repo: `r${i}` } }))).id);
    return out;
  };

  beforeAll(async () => {
    rt = createTestRuntime();
    agent = (await makeAgent(rt)).actor;
    reviewer = (await makeUser(rt, "reviewer")).actor;
    other = (await makeUser(rt, "reviewer", "olga@example.com")).actor;
    viewer = (await makeUser(rt, "viewer")).actor;
  });
  afterAll(() => rt?.close());

  it("denies each with the one reason; one decided first fails alone, naming who won", async () => {
    const ids = await submitN(3);
    await userCaller(rt, other).review.decide({ id: ids[1] ?? "", decision: { type: "approve" } });
    const results = await userCaller(rt, reviewer).review.decideMany({ ids, decision: { type: "deny", reason: "freeze week" } });
    expect(results.map((r) => [r.id, r.ok])).toEqual([
      [ids[0], true],
      [ids[1], false],
      [ids[2], true],
    ]);
    expect(results[1]).toMatchObject({ ok: false, code: "CONFLICT", details: { status: "approved", decidedBy: "olga@example.com", channel: "web" } });
    for (const id of [ids[0], ids[2]]) {
      const view = await userCaller(rt, reviewer).review.get({ id: id ?? "" });
      expect(view.decision).toMatchObject({ outcome: "denied", reason: "freeze week", channel: "web" });
      expect(auditRows(rt, id).filter((e) => e.action === "request.denied")).toHaveLength(1);
    }
  });

  it("approves each as proposed, with one comment, and counts a repeated id once", async () => {
    const ids = await submitN(2);
    const results = await userCaller(rt, reviewer).review.decideMany({ ids: [...ids, ids[0] ?? ""], decision: { type: "approve", comment: "ok" } });
    expect(results).toEqual(ids.map((id) => ({ id, ok: true, status: "approved" })));
    const view = await agentCaller(rt, agent).agent.get({ id: ids[0] ?? "" });
    expect(view.decision).toMatchObject({ outcome: "approved", comment: "ok", modified: false });
    expect(view.executionToken).toMatch(/^cse_/);
  });

  it("reports an unknown id per item, not as a failed call", async () => {
    const [id] = await submitN(1);
    const ghost = "0190a0b0-0000-7000-8000-000000000000";
    const results = await userCaller(rt, reviewer).review.decideMany({ ids: [id ?? "", ghost], decision: { type: "approve" } });
    expect(results[0]).toMatchObject({ ok: true });
    expect(results[1]).toMatchObject({ id: ghost, ok: false, code: "NOT_FOUND" });
  });

  it("refuses modified arguments, a denial without reason, empty or oversized batches, and viewers", async () => {
    const [id = ""] = await submitN(1);
    const many = (input: unknown) => failure(userCaller(rt, reviewer).review.decideMany(input as never));
    expect((await many({ ids: [id], decision: { type: "approve", finalArguments: { repo: "x" } } })).code).toBe("BAD_REQUEST");
    expect((await many({ ids: [id], decision: { type: "deny", reason: "  " } })).code).toBe("BAD_REQUEST");
    expect((await many({ ids: [], decision: { type: "approve" } })).code).toBe("BAD_REQUEST");
    expect((await many({ ids: Array.from({ length: 101 }, () => id), decision: { type: "approve" } })).code).toBe("BAD_REQUEST");
    expect((await failure(userCaller(rt, viewer).review.decideMany({ ids: [id], decision: { type: "approve" } }))).code).toBe("FORBIDDEN");
    expect((await userCaller(rt, reviewer).review.get({ id })).status).toBe("pending");
  });
});
