import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "@/server/runtime/runtime";
import type { AgentActor, UserActor } from "@/server/api/context";
import { agentCaller, createTestRuntime, makeAgent, makeUser, userCaller, writeRequest } from "../fixtures/runtime";
import { failure } from "../fixtures/errors";
import { createCaller } from "@/server/api/root";
import { createContextInner } from "@/server/api/context";
import { expireDueRequests } from "@/server/services/approval/expire-due";

describe("review.timeline: a request's audit events", () => {
  let rt: Runtime;
  let agent: AgentActor;
  let viewer: UserActor;
  let reviewer: UserActor;

  beforeAll(async () => {
    rt = createTestRuntime();
    agent = (await makeAgent(rt, "write_destructive", "timeline-bot")).actor;
    viewer = (await makeUser(rt, "viewer")).actor;
    reviewer = (await makeUser(rt, "reviewer", "rita@example.com")).actor;
  });
  afterAll(() => rt?.close());

  it("lists submission, policy and decision in order, with who did it in words, secrets redacted", async () => {
    const sub = await agentCaller(rt, agent).agent.submit(
      writeRequest({ arguments: { repo: "acme/site", password: "hunter2-hunter2" }, reason: "cleanup" }),
    );
    await userCaller(rt, reviewer).review.decide({ id: sub.id, decision: { type: "deny", reason: "keep it" } });

    const events = await userCaller(rt, viewer).review.timeline({ id: sub.id });
    const actions = events.map((e) => e.action);
    expect(actions[0]).toBe("request.submitted");
    expect(actions.at(-1)).toBe("request.denied");
    expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((a, b) => a - b));
    expect(events[0]).toMatchObject({ actorType: "agent", actorId: agent.agentId, actorLabel: "timeline-bot" });
    expect(events.at(-1)).toMatchObject({ actorType: "user", actorId: reviewer.userId, actorLabel: "rita@example.com", data: { reason: "keep it", channel: "web" } });
    expect(new Date(events[0]?.at ?? "").toString()).not.toBe("Invalid Date");
    const text = JSON.stringify(events);
    expect(text).not.toContain("hunter2");
    expect(text).toContain("[REDACTED]");
  });

  it("labels the deadline as the system", async () => {
    let clock = new Date("2031-01-01T00:00:00Z");
    const timed = createTestRuntime({ now: () => clock });
    try {
      const a = (await makeAgent(timed)).actor;
      const v = (await makeUser(timed, "viewer")).actor;
      const sub = await agentCaller(timed, a).agent.submit(writeRequest({ timeoutSeconds: 5 }));
      clock = new Date(clock.getTime() + 6_000);
      await expireDueRequests({ ctx: timed.svc({ type: "system", job: "deadline", channel: "timeout" }) });
      const last = (await userCaller(timed, v).review.timeline({ id: sub.id })).at(-1);
      expect(last).toMatchObject({ action: "request.expired", actorType: "system", actorLabel: "system:deadline" });
    } finally {
      timed.close();
    }
  });

  it("answers NOT_FOUND for an unknown request, and needs a signed-in user", async () => {
    expect((await failure(userCaller(rt, viewer).review.timeline({ id: "0190a0b0-0000-7000-8000-000000000000" }))).code).toBe("NOT_FOUND");
    const anonymous = createCaller(createContextInner({ rt, agent, user: null }));
    expect((await failure(anonymous.review.timeline({ id: "0190a0b0-0000-7000-8000-000000000000" }))).code).toBe("UNAUTHORIZED");
  });
});
