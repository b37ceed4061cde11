import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "@/server/runtime/runtime";
import type { AgentActor, UserActor } from "@/server/api/context";
import { SYSTEM_TIMEOUT } from "@/server/services/context";
import { expireDueRequests } from "@/server/services/approval/expire-due";
import { agentCaller, createTestRuntime, makeAgent, makeUser, userCaller, writeRequest } from "../fixtures/runtime";
import { failure } from "../fixtures/errors";

describe("audit.stats and the cached audit.verify", () => {
  let clock = Date.parse("2030-05-10T08:00:00.000Z");
  let rt: Runtime;
  let agent: AgentActor;
  let reviewer: UserActor;
  let admin: UserActor;

  /** Submits and, `waitMs` later, has the reviewer decide it (or leaves it to expire). */
  const request = async (body: Record<string, unknown>, waitMs: number, decision: "approve" | "deny" | "expire") => {
    const { id } = await agentCaller(rt, agent).agent.submit(writeRequest({ ...body, timeoutSeconds: 3600 }));
    clock += waitMs;
    if (decision === "expire") {
      clock += 3_600_000;
      await expireDueRequests({ ctx: rt.svc(SYSTEM_TIMEOUT) });
    } else {
      await userCaller(rt, reviewer).review.decide({ id, decision: decision === "approve" ? { type: "approve" } : { type: "deny", reason: "no" } });
    }
  };

  beforeAll(async () => {
    rt = createTestRuntime({ now: () => new Date(clock) });
    rt.scheduler.stop();
    agent = (await makeAgent(rt)).actor;
    reviewer = (await makeUser(rt, "reviewer")).actor;
    admin = (await makeUser(rt, "admin")).actor;
    // Day 1 (2030-05-10): critical requests decided after 10 s, 20 s, … 100 s.
    for (let i = 1; i <= 10; i++) await request({}, i * 10_000, i <= 7 ? "approve" : "deny");
    // Day 2: a medium one approved after 2 minutes, one auto-approved by policy, one expired.
    clock = Date.parse("2030-05-11T09:00:00.000Z");
    await request({ tool: "k8s.scale_deployment", annotations: { destructiveHint: false } }, 120_000, "approve");
    await agentCaller(rt, agent).agent.submit(writeRequest({ tool: "db.query", annotations: { readOnlyHint: true } }));
    await request({}, 0, "expire");
    clock = Date.parse("2030-05-12T10:00:00.000Z");
  });
  afterAll(() => rt?.close());

  it("counts decisions per UTC day by outcome, today included, empty days as zeros", async () => {
    const s = await userCaller(rt, reviewer).audit.stats({ days: 4 });
    expect(s.days).toEqual([
      { day: "2030-05-09", approved: 0, denied: 0, expired: 0, cancelled: 0 },
      { day: "2030-05-10", approved: 7, denied: 3, expired: 0, cancelled: 0 },
      // The expiry came an hour after its 09:00 submission, still on the 11th.
      { day: "2030-05-11", approved: 2, denied: 0, expired: 1, cancelled: 0 },
      { day: "2030-05-12", approved: 0, denied: 0, expired: 0, cancelled: 0 },
    ]);
  });

  it("gives time to a person's decision by risk (p50/p90), leaving out policy and expiries", async () => {
    const s = await userCaller(rt, reviewer).audit.stats({ days: 4 });
    const byRisk = Object.fromEntries(s.timeToDecision.map((t) => [t.risk, t]));
    expect(byRisk.critical).toMatchObject({ count: 10, p50Ms: 55_000, p90Ms: 91_000 });
    expect(byRisk.medium).toMatchObject({ count: 1, p50Ms: 120_000, p90Ms: 120_000 });
    expect(byRisk.low).toMatchObject({ count: 0, p50Ms: null, p90Ms: null });
    expect(s.timeToDecision.map((t) => t.risk)).toEqual(["low", "medium", "high", "critical"]);
  });

  it("serves a recent answer from cache and recomputes after a few seconds", async () => {
    const before = await userCaller(rt, reviewer).audit.stats({ days: 1 });
    await request({}, 5_000, "deny");
    expect(await userCaller(rt, reviewer).audit.stats({ days: 1 })).toEqual(before);
    clock += 20_000;
    const after = await userCaller(rt, reviewer).audit.stats({ days: 1 });
    expect(after.days[0]?.denied).toBe((before.days[0]?.denied ?? 0) + 1);
  });

  it("verify: walks the chain once, then only what was appended; `full` starts over and finds tampering", async () => {
    const verify = userCaller(rt, admin).audit.verify;
    const first = await verify();
    expect(first).toMatchObject({ ok: true, incremental: false });
    const total = (await rt.store.auditPage(0, 100_000)).length;
    expect(first.count).toBe(total);
    expect(first.ok && first.lastSeq).toBe(total);

    await request({}, 1_000, "approve");
    const second = await verify();
    expect(second).toMatchObject({ ok: true, incremental: true, lastSeq: total + 3, count: total + 3 });

    // Rewriting history behind the verified head is invisible to an incremental check, not to a full one.
    rt.db.$client.prepare("UPDATE audit_event SET data = ? WHERE seq = 2").run(JSON.stringify({ forged: true }));
    expect(await verify()).toMatchObject({ ok: true, incremental: true });
    expect(await verify({ full: true })).toMatchObject({ ok: false, incremental: false, firstBroken: { seq: 2, reason: "hash_mismatch" } });
    expect(await failure(userCaller(rt, reviewer).audit.verify())).toMatchObject({ code: "FORBIDDEN" });
  });
});
