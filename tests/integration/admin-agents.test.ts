import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "@/server/runtime/runtime";
import { authenticateApiKey } from "@/server/services/agents/authenticate";
import { verifyAuditChain } from "@/server/services/audit/verify";
import { createTestRuntime, makeAgent, makeUser, userCaller, agentCaller, writeRequest } from "../fixtures/runtime";
import { failure } from "../fixtures/errors";
import type { UserActor } from "@/server/api/context";

describe("admin: agents and API keys", () => {
  let rt: Runtime;
  let admin: UserActor;
  let reviewer: UserActor;
  let viewer: UserActor;

  beforeAll(async () => {
    rt = createTestRuntime();
    admin = (await makeUser(rt, "admin")).actor;
    reviewer = (await makeUser(rt, "reviewer")).actor;
    viewer = (await makeUser(rt, "viewer")).actor;
  });
  afterAll(() => rt.close());

  const auditActions = async () => (await rt.store.auditPage(0, 10_000)).map((e) => ({ action: e.action, actorId: e.actorId, data: JSON.parse(e.data) as Record<string, unknown> }));

  it.each(["reviewer", "viewer"] as const)("refuses every agents procedure to a %s (403)", async (role) => {
    const c = userCaller(rt, role === "reviewer" ? reviewer : viewer);
    const { actor, apiKey } = await makeAgent(rt);
    const calls = [
      c.agents.list(),
      c.agents.create({ name: "nope", mode: "read_only" }),
      c.agents.setMode({ agentId: actor.agentId, mode: "read_only" }),
      c.agents.disable({ agentId: actor.agentId }),
      c.agents.enable({ agentId: actor.agentId }),
      c.agents.rotateKey({ agentId: actor.agentId }),
      c.agents.revokeKey({ keyId: actor.keyId }),
    ];
    for (const call of calls) expect((await failure(call)).code).toBe("FORBIDDEN");
    expect(await authenticateApiKey(rt.store, apiKey, "api")).toMatchObject({ agentId: actor.agentId });
    expect((await rt.store.getAgent(actor.agentId))?.disabledAt).toBeNull();
  });

  it("an agent's API key cannot reach the admin procedures (401)", async () => {
    const { actor } = await makeAgent(rt);
    const c = agentCaller(rt, actor);
    expect((await failure(c.agents.list())).code).toBe("UNAUTHORIZED");
  });

  it("creates an agent and shows its key once; the key authenticates and the list never holds it", async () => {
    const c = userCaller(rt, admin);
    const created = await c.agents.create({ name: "deploy-bot", mode: "write_idempotent" });
    expect(created.apiKey).toMatch(/^cs_[A-Za-z0-9_-]{43}$/);
    const who = await authenticateApiKey(rt.store, created.apiKey, "api");
    expect(who).toMatchObject({ agentId: created.id, agentName: "deploy-bot" });

    const listed = (await c.agents.list()).find((a) => a.id === created.id);
    expect(listed).toMatchObject({ name: "deploy-bot", mode: "write_idempotent", disabledAt: null, lastRequestAt: null });
    expect(listed?.keys).toHaveLength(1);
    expect(listed?.keys[0]?.prefix).toBe(created.apiKey.slice(0, 10));
    expect(JSON.stringify(await c.agents.list())).not.toContain(created.apiKey);

    const events = await auditActions();
    expect(events).toContainEqual(expect.objectContaining({ action: "agent.created", actorId: admin.userId, data: expect.objectContaining({ name: "deploy-bot", channel: "web" }) as unknown }));
    expect((await failure(c.agents.create({ name: "deploy-bot", mode: "read_only" }))).code).toBe("CONFLICT");
    expect((await failure(c.agents.create({ name: "<script>", mode: "read_only" }))).code).toBe("BAD_REQUEST");
  });

  it("reports the time of each agent's latest request as its last activity", async () => {
    const { actor } = await makeAgent(rt);
    const sub = await agentCaller(rt, actor).agent.submit(writeRequest());
    const listed = (await userCaller(rt, admin).agents.list()).find((a) => a.id === actor.agentId);
    expect(listed?.lastRequestAt).toBe(sub.createdAt);
  });

  it("a revoked key stops authenticating at once; revoking twice is a conflict", async () => {
    const { actor, apiKey } = await makeAgent(rt);
    const c = userCaller(rt, admin);
    await c.agents.revokeKey({ keyId: actor.keyId });
    expect(await authenticateApiKey(rt.store, apiKey, "api")).toBeNull();
    expect((await failure(c.agents.revokeKey({ keyId: actor.keyId }))).code).toBe("CONFLICT");
    const listed = (await c.agents.list()).find((a) => a.id === actor.agentId);
    expect(listed?.keys[0]?.revokedAt).not.toBeNull();
    expect(await auditActions()).toContainEqual(expect.objectContaining({ action: "api_key.revoked", data: expect.objectContaining({ keyId: actor.keyId }) as unknown }));
  });

  it("rotates: the new key works, the replaced one is revoked in the same step", async () => {
    const { actor, apiKey: oldKey } = await makeAgent(rt);
    const c = userCaller(rt, admin);
    const rotated = await c.agents.rotateKey({ agentId: actor.agentId, revokeKeyId: actor.keyId });
    expect(rotated.apiKey).not.toBe(oldKey);
    expect(await authenticateApiKey(rt.store, rotated.apiKey, "api")).toMatchObject({ agentId: actor.agentId, keyId: rotated.keyId });
    expect(await authenticateApiKey(rt.store, oldKey, "api")).toBeNull();

    // Without revokeKeyId both keys work (switch over, then revoke the old one).
    const extra = await c.agents.rotateKey({ agentId: actor.agentId });
    expect(await authenticateApiKey(rt.store, extra.apiKey, "api")).not.toBeNull();
    expect(await authenticateApiKey(rt.store, rotated.apiKey, "api")).not.toBeNull();

    // Replacing a key that is already revoked, or another agent's key, changes nothing.
    const other = await makeAgent(rt);
    const keysBefore = (await rt.store.listApiKeys(actor.agentId)).length;
    expect((await failure(c.agents.rotateKey({ agentId: actor.agentId, revokeKeyId: actor.keyId }))).code).toBe("CONFLICT");
    expect((await failure(c.agents.rotateKey({ agentId: actor.agentId, revokeKeyId: other.actor.keyId }))).code).toBe("CONFLICT");
    expect(await rt.store.listApiKeys(actor.agentId)).toHaveLength(keysBefore);
    expect(await authenticateApiKey(rt.store, other.apiKey, "api")).not.toBeNull();
  });

  it("changes the safety mode, audited with before and after", async () => {
    const { actor } = await makeAgent(rt, "read_only");
    const c = userCaller(rt, admin);
    expect(await c.agents.setMode({ agentId: actor.agentId, mode: "write_destructive" })).toMatchObject({ changed: true, mode: "write_destructive" });
    expect((await rt.store.getAgent(actor.agentId))?.mode).toBe("write_destructive");
    expect(await c.agents.setMode({ agentId: actor.agentId, mode: "write_destructive" })).toMatchObject({ changed: false });
    expect((await failure(c.agents.setMode({ agentId: "0197a6f0-0000-7000-8000-000000000000", mode: "read_only" }))).code).toBe("NOT_FOUND");
    const modeEvents = (await auditActions()).filter((e) => e.action === "agent.mode_changed" && e.data.agentId === actor.agentId);
    expect(modeEvents).toEqual([
      expect.objectContaining({
        actorId: admin.userId,
        data: expect.objectContaining({ agent: actor.agentName, from: "read_only", to: "write_destructive", by: admin.email, channel: "web" }) as unknown,
      }),
    ]);
  });

  it("disabling an agent stops all its keys; enabling brings back the unrevoked ones", async () => {
    const { actor, apiKey } = await makeAgent(rt);
    const c = userCaller(rt, admin);
    await c.agents.disable({ agentId: actor.agentId });
    expect(await authenticateApiKey(rt.store, apiKey, "api")).toBeNull();
    expect((await failure(c.agents.disable({ agentId: actor.agentId }))).code).toBe("CONFLICT");
    expect((await failure(c.agents.rotateKey({ agentId: actor.agentId }))).code).toBe("PRECONDITION_FAILED");
    await c.agents.enable({ agentId: actor.agentId });
    expect(await authenticateApiKey(rt.store, apiKey, "api")).toMatchObject({ agentId: actor.agentId });
    const actions = (await auditActions()).filter((e) => e.data.agentId === actor.agentId).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["agent.disabled", "agent.enabled"]));
  });

  it("keeps the audit chain intact across all of the above", async () => {
    expect(await verifyAuditChain(rt.store)).toMatchObject({ ok: true });
  });
});
