import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "@/server/runtime/runtime";
import type { AgentActor, UserActor } from "@/server/api/context";
import type { RequestAggregate } from "@/server/db/store";
import { SYSTEM_TIMEOUT } from "@/server/services/context";
import { expireDueRequests } from "@/server/services/approval/expire-due";
import { verifyAuditChain } from "@/server/services/audit/verify";
import { agentCaller, createTestRuntime, makeAgent, makeUser, userCaller, writeRequest } from "../fixtures/runtime";
import { tempDatabaseUrl } from "../fixtures/test-db";
import { dbStatus, exactlyOnceViolations, readLedger, settle } from "../fixtures/ledger";

describe("default deny with a controlled clock and no sweeper", () => {
  let clock = Date.parse("2030-01-01T00:00:00Z");
  let rt: Runtime;
  let agent: AgentActor;
  let reviewer: UserActor;

  beforeAll(async () => {
    rt = createTestRuntime({ now: () => new Date(clock) });
    // Never started; also stopped, because a submission would otherwise arm its timer.
    rt.scheduler.stop();
    agent = (await makeAgent(rt)).actor;
    reviewer = (await makeUser(rt, "reviewer")).actor;
  });
  afterAll(() => rt?.close());

  const submit = async () => {
    const v = await agentCaller(rt, agent).agent.submit(writeRequest({ timeoutSeconds: 5 }));
    return { id: v.id, expiresAt: Date.parse(v.expiresAt) };
  };

  it("reads a past-due pending request as expired / deny although no sweeper ran", async () => {
    const { id, expiresAt } = await submit();
    const agentApi = agentCaller(rt, agent).agent;
    clock = expiresAt - 1;
    expect(await agentApi.get({ id })).toMatchObject({ status: "pending", verdict: "wait" });

    clock = expiresAt;
    expect(await agentApi.get({ id })).toMatchObject({ status: "expired", verdict: "deny", executionToken: null, decision: { outcome: "expired", channel: "timeout" } });
    expect(await userCaller(rt, reviewer).review.get({ id })).toMatchObject({ status: "expired" });
    const started = performance.now();
    expect(await agentApi.wait({ id, timeoutMs: 10_000 })).toMatchObject({ status: "expired", verdict: "deny" });
    expect(performance.now() - started).toBeLessThan(500);
    clock = expiresAt + 3_600_000;
    expect(await agentApi.get({ id })).toMatchObject({ status: "expired", verdict: "deny" });

    // The row itself was never touched: the read path alone said no.
    expect(dbStatus(rt.db.$client, id)).toBe("pending");
    expect(readLedger(rt.db.$client).get(id)).toMatchObject({ decisions: 0, decisionEvents: 0 });
  });

  it.each(["approve", "deny", "cancel"] as const)("refuses %s arriving exactly at expiresAt with CONFLICT; the request expires", async (verb) => {
    const { id, expiresAt } = await submit();
    clock = expiresAt;
    const r = await settle<unknown>(
      verb === "cancel"
        ? agentCaller(rt, agent).agent.cancel({ id })
        : userCaller(rt, reviewer).review.decide({ id, decision: verb === "approve" ? { type: "approve" } : { type: "deny", reason: "late" } }),
    );
    expect(r).toMatchObject({ ok: false, code: "CONFLICT", message: expect.stringMatching(/expired/) as unknown });
    expect(await agentCaller(rt, agent).agent.get({ id })).toMatchObject({ status: "expired", verdict: "deny" });
    expect(dbStatus(rt.db.$client, id)).toBe("pending");

    // The conditional write refuses it too, even for a caller that skipped the service's own check.
    const raw = await rt.store.decide(id, {
      to: "approved",
      at: new Date(clock),
      requireBefore: new Date(clock),
      decision: { id: `raw-${id}`, outcome: "approved", actorType: "user", actorId: reviewer.userId, actorLabel: reviewer.email, channel: "web", comment: null, modified: false, finalArguments: null, createdAt: new Date(clock) },
      audit: [],
    });
    expect(raw).toBeNull();

    const { expired } = await expireDueRequests({ ctx: rt.svc(SYSTEM_TIMEOUT) });
    expect(expired).toContain(id);
    expect(readLedger(rt.db.$client).get(id)).toMatchObject({ status: "expired", decisions: 1, outcomes: "expired", channels: "timeout", decisionActions: "request.expired" });
  });

  it("still accepts a decision one millisecond before the deadline", async () => {
    const { id, expiresAt } = await submit();
    clock = expiresAt - 1;
    expect(await userCaller(rt, reviewer).review.decide({ id, decision: { type: "approve" } })).toMatchObject({ status: "approved" });
    expect(dbStatus(rt.db.$client, id)).toBe("approved");
    expect(exactlyOnceViolations(readLedger(rt.db.$client), [id])).toEqual([]);
    expect((await verifyAuditChain(rt.store)).ok).toBe(true);
  });
});

describe("default deny with the deadline scheduler running", () => {
  it("expires requests in the database within 100 ms of their deadlines, re-arming for a later one", async () => {
    const rt = createTestRuntime();
    try {
      await rt.scheduler.start();
      const api = agentCaller(rt, (await makeAgent(rt)).actor).agent;
      // The later deadline is submitted first, so the earlier one must re-arm the timer and the later one be re-armed after it.
      const later = await api.submit(writeRequest({ timeoutSeconds: 6 }));
      const sooner = await api.submit(writeRequest({ timeoutSeconds: 5 }));
      const seen = [sooner, later].map(
        (v) =>
          new Promise<{ lateMs: number; stored: string | undefined }>((resolve) => {
            const off = rt.hub.onRequest(v.id, (a: RequestAggregate) => {
              if (a.request.status === "pending") return;
              off();
              resolve({ lateMs: Date.now() - Date.parse(v.expiresAt), stored: dbStatus(rt.db.$client, v.id) });
            });
          }),
      );
      const results = await Promise.race([Promise.all(seen), new Promise<never>((_, no) => setTimeout(() => no(new Error("not expired within 8 s")), 8_000))]);
      for (const s of results) {
        expect(s.stored).toBe("expired");
        expect(s.lateMs).toBeGreaterThanOrEqual(0);
        expect(s.lateMs).toBeLessThan(100);
      }
      expect((await verifyAuditChain(rt.store)).ok).toBe(true);
    } finally {
      rt.close();
    }
  });

  it("expires, at start, requests that came due while no runtime was running", async () => {
    const databaseUrl = tempDatabaseUrl("deny-start");
    const past = Date.now() - 60_000;
    const before = createTestRuntime({ databaseUrl, now: () => new Date(past) });
    before.scheduler.stop();
    const agent = (await makeAgent(before)).actor;
    const api = agentCaller(before, agent).agent;
    const due = await Promise.all([1, 2, 3].map(() => api.submit(writeRequest({ timeoutSeconds: 5 }))));
    const notYet = await api.submit(writeRequest({ timeoutSeconds: 300 }));
    before.close();

    const rt = createTestRuntime({ databaseUrl });
    try {
      const sqlite = rt.db.$client;
      for (const v of [...due, notYet]) expect(dbStatus(sqlite, v.id)).toBe("pending");
      await rt.scheduler.start();
      for (const v of due) expect(dbStatus(sqlite, v.id)).toBe("expired");
      expect(dbStatus(sqlite, notYet.id)).toBe("pending");
      const ledger = readLedger(sqlite);
      expect(exactlyOnceViolations(ledger)).toEqual([]);
      for (const v of due) expect(ledger.get(v.id)).toMatchObject({ outcomes: "expired", channels: "timeout" });
      expect(await agentCaller(rt, agent).agent.get({ id: notYet.id })).toMatchObject({ status: "pending", verdict: "wait" });
      expect((await verifyAuditChain(rt.store)).ok).toBe(true);
    } finally {
      rt.close();
    }
  });
});
