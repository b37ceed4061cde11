import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "@/server/runtime/runtime";
import type { AgentActor } from "@/server/api/context";
import { agentCaller, createTestRuntime, makeAgent, writeRequest } from "../fixtures/runtime";
import { detailsOf, failure } from "../fixtures/errors";
import { sqlCount } from "../fixtures/sql";

describe("idempotency keys (in-process)", () => {
  let rt: Runtime;
  let alice: AgentActor;
  let bob: AgentActor;

  const rowsWithKey = (key: string) => sqlCount(rt, "SELECT count(*) FROM action_request WHERE idempotency_key = ?", key);
  const submittedEvents = (id: string) => sqlCount(rt, "SELECT count(*) FROM audit_event WHERE action = 'request.submitted' AND request_id = ?", id);
  const submittedEventsWithKey = (key: string) =>
    sqlCount(rt, "SELECT count(*) FROM audit_event WHERE action = 'request.submitted' AND json_extract(data, '$.idempotencyKey') = ?", key);

  beforeAll(async () => {
    rt = createTestRuntime();
    alice = (await makeAgent(rt)).actor;
    bob = (await makeAgent(rt)).actor;
  });
  afterAll(() => rt?.close());

  it("the same key and body give back the same request: one row, one request.submitted event", async () => {
    const key = "deploy-42";
    const body = writeRequest({ idempotencyKey: key });
    const first = await agentCaller(rt, alice).agent.submit(body);
    const second = await agentCaller(rt, alice).agent.submit(structuredClone(body));
    expect(first.status).toBe("pending");
    expect(second.id).toBe(first.id);
    expect(second.argsHash).toBe(first.argsHash);
    expect(second.expiresAt).toBe(first.expiresAt);
    expect(rowsWithKey(key)).toBe(1);
    expect(submittedEvents(first.id)).toBe(1);
    expect(submittedEventsWithKey(key)).toBe(1);
  });

  it("a repeat with the same body after the request was decided still returns that request, decided", async () => {
    const key = "cancel-then-repeat";
    const body = writeRequest({ idempotencyKey: key });
    const first = await agentCaller(rt, alice).agent.submit(body);
    await agentCaller(rt, alice).agent.cancel({ id: first.id });
    const again = await agentCaller(rt, alice).agent.submit(body);
    expect(again.id).toBe(first.id);
    expect(again.status).toBe("cancelled");
    expect(rowsWithKey(key)).toBe(1);
  });

  it("the same key with a different body is a CONFLICT that names the key, and writes nothing", async () => {
    const key = "rotate-key-7";
    const first = await agentCaller(rt, alice).agent.submit(writeRequest({ idempotencyKey: key }));
    const auditBefore = sqlCount(rt, "SELECT count(*) FROM audit_event");

    const e = await failure(agentCaller(rt, alice).agent.submit(writeRequest({ idempotencyKey: key, arguments: { owner: "acme", repo: "other-site" } })));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toContain(`"${key}"`);
    expect(e.message).toContain(first.id);
    expect(detailsOf(e)).toMatchObject({ idempotencyKey: key, existingId: first.id });

    // A changed summary alone is a different body too.
    const e2 = await failure(agentCaller(rt, alice).agent.submit(writeRequest({ idempotencyKey: key, summary: "something else" })));
    expect(e2.code).toBe("CONFLICT");
    expect(e2.message).toContain(key);

    expect(rowsWithKey(key)).toBe(1);
    expect(sqlCount(rt, "SELECT count(*) FROM audit_event")).toBe(auditBefore);
  });

  it("two agents using the same key get two different requests", async () => {
    const key = "shared-key";
    const body = writeRequest({ idempotencyKey: key });
    const a = await agentCaller(rt, alice).agent.submit(body);
    const b = await agentCaller(rt, bob).agent.submit(body);
    expect(b.id).not.toBe(a.id);
    expect(rowsWithKey(key)).toBe(2);
    expect(sqlCount(rt, "SELECT count(DISTINCT agent_id) FROM action_request WHERE idempotency_key = ?", key)).toBe(2);
    // Each agent sees only its own; bob's repeat is still bob's request.
    expect((await agentCaller(rt, bob).agent.submit(body)).id).toBe(b.id);
    const e = await failure(agentCaller(rt, bob).agent.get({ id: a.id }));
    expect(e.code).toBe("NOT_FOUND");
  });

  it("50 concurrent submits with one key and body all get the same id, and one row exists", async () => {
    const key = "burst-50";
    const body = writeRequest({ idempotencyKey: key, summary: "concurrent" });
    const results = await Promise.all(Array.from({ length: 50 }, () => agentCaller(rt, alice).agent.submit(structuredClone(body))));
    const ids = new Set(results.map((r) => r.id));
    expect(ids.size).toBe(1);
    expect(rowsWithKey(key)).toBe(1);
    const [id] = [...ids];
    expect(submittedEvents(id ?? "")).toBe(1);
  });

  it("50 concurrent submits with one key but different bodies: one wins, 49 get CONFLICT", async () => {
    const key = "burst-conflict";
    const settled = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => agentCaller(rt, alice).agent.submit(writeRequest({ idempotencyKey: key, summary: `variant ${i}` }))),
    );
    const ok = settled.filter((s) => s.status === "fulfilled");
    const failed = settled.filter((s): s is PromiseRejectedResult => s.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(49);
    for (const f of failed) expect((f.reason as { code?: string }).code).toBe("CONFLICT");
    expect(rowsWithKey(key)).toBe(1);
  });
});
