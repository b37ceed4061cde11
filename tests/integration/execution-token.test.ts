import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "@/server/runtime/runtime";
import type { AgentActor, UserActor } from "@/server/api/context";
import type { JsonObject } from "@/server/domain/json/canonical";
import { agentCaller, createTestRuntime, makeAgent, makeUser, userCaller, writeRequest } from "../fixtures/runtime";
import { detailsOf, failure } from "../fixtures/errors";
import { auditRows } from "../fixtures/sql";

describe("execution tokens (in-process, controllable clock)", () => {
  let rt: Runtime;
  // Starts at real time: the deadline scheduler arms its timers with Date.now().
  let clock = Date.now();
  let agent: AgentActor;
  let reviewer: UserActor;
  const args = { owner: "acme", repo: "legacy-site" };

  const submit = (overrides: Record<string, unknown> = {}) => agentCaller(rt, agent).agent.submit(writeRequest(overrides));
  const approve = (id: string) => userCaller(rt, reviewer).review.decide({ id, decision: { type: "approve" } });
  const get = (id: string) => agentCaller(rt, agent).agent.get({ id });
  const claim = (input: { id: string; executionToken: string; arguments?: JsonObject; currentVersion?: string }) => agentCaller(rt, agent).agent.claim(input);
  /** Submits and approves; returns the id and the token the agent got. */
  const approved = async (overrides: Record<string, unknown> = {}) => {
    const { id } = await submit(overrides);
    await approve(id);
    const view = await get(id);
    expect(view.status).toBe("approved");
    expect(view.executionToken).toMatch(/^cse_/);
    return { id, token: view.executionToken ?? "" };
  };

  beforeAll(async () => {
    rt = createTestRuntime({ now: () => new Date(clock) });
    agent = (await makeAgent(rt)).actor;
    reviewer = (await makeUser(rt, "reviewer")).actor;
  });
  afterAll(() => rt?.close());

  it("approve → claim with the token succeeds and the execution is claimed; a second claim is a CONFLICT", async () => {
    const { id, token } = await approved();
    expect((await get(id)).execution).toBeNull();
    const claimed = await claim({ id, executionToken: token, arguments: args });
    expect(claimed.execution?.status).toBe("claimed");
    expect((await get(id)).execution).toMatchObject({ status: "claimed", outcome: null });

    const again = await failure(claim({ id, executionToken: token, arguments: args }));
    expect(again.code).toBe("CONFLICT");
    expect(detailsOf(again)?.reason).toBe("already_claimed");
    // Claiming without reporting arguments is a second claim too.
    expect((await failure(claim({ id, executionToken: token }))).code).toBe("CONFLICT");
  });

  it("a claim with other arguments is PRECONDITION_FAILED and leaves the request claimable", async () => {
    const { id, token } = await approved();
    const e = await failure(claim({ id, executionToken: token, arguments: { ...args, repo: "production-site" } }));
    expect(e.code).toBe("PRECONDITION_FAILED");
    expect(detailsOf(e)?.reason).toBe("arguments_mismatch");
    expect((await get(id)).execution).toBeNull();
    expect((await claim({ id, executionToken: token, arguments: args })).execution?.status).toBe("claimed");
  });

  it("a wrong token is FORBIDDEN, and so is another request's token", async () => {
    const { id, token } = await approved();
    const other = await approved();
    const e = await failure(claim({ id, executionToken: `cse_${"x".repeat(32)}` }));
    expect(e.code).toBe("FORBIDDEN");
    expect((await failure(claim({ id, executionToken: other.token }))).code).toBe("FORBIDDEN");
    expect((await get(id)).execution).toBeNull();
    expect((await claim({ id, executionToken: token })).execution?.status).toBe("claimed");
  });

  it("a claim after the token's expiry is PRECONDITION_FAILED", async () => {
    const { id, token } = await approved();
    const view = await get(id);
    const expiresAt = Date.parse(view.executionTokenExpiresAt ?? "");
    expect(expiresAt - clock).toBe(rt.config.executionTokenTtlSeconds * 1000);
    clock = expiresAt; // the instant of expiry counts as expired
    const e = await failure(claim({ id, executionToken: token, arguments: args }));
    expect(e.code).toBe("PRECONDITION_FAILED");
    expect(detailsOf(e)?.reason).toBe("token_expired");
    expect((await get(id)).execution).toBeNull();
    clock += 60_000;
  });

  it("a token is still good one millisecond before it expires", async () => {
    const { id, token } = await approved();
    clock = Date.parse((await get(id)).executionTokenExpiresAt ?? "") - 1;
    expect((await claim({ id, executionToken: token })).execution?.status).toBe("claimed");
    clock += 60_000;
  });

  it("with a preview targetVersion, the claim must report that same currentVersion", async () => {
    const preview = { changes: [{ path: "repo.archived", from: false, to: true }], targetVersion: "etag-abc123" };
    const { id, token } = await approved({ preview });
    const missing = await failure(claim({ id, executionToken: token, arguments: args }));
    expect(missing.code).toBe("PRECONDITION_FAILED");
    expect(detailsOf(missing)?.reason).toBe("version_required");
    const changed = await failure(claim({ id, executionToken: token, arguments: args, currentVersion: "etag-def456" }));
    expect(changed.code).toBe("PRECONDITION_FAILED");
    expect(detailsOf(changed)?.reason).toBe("version_mismatch");
    expect((await get(id)).execution).toBeNull();
    const ok = await claim({ id, executionToken: token, arguments: args, currentVersion: "etag-abc123" });
    expect(ok.execution?.status).toBe("claimed");
  });

  it("a denied or a pending request cannot be claimed", async () => {
    const someToken = (await approved()).token;
    const pending = await submit();
    const p = await failure(claim({ id: pending.id, executionToken: someToken }));
    expect(p.code).toBe("CONFLICT");
    expect(detailsOf(p)).toMatchObject({ reason: "not_approved", status: "pending" });

    const denied = await submit();
    await userCaller(rt, reviewer).review.decide({ id: denied.id, decision: { type: "deny", reason: "not today" } });
    const d = await failure(claim({ id: denied.id, executionToken: someToken }));
    expect(d.code).toBe("CONFLICT");
    expect(detailsOf(d)).toMatchObject({ reason: "not_approved", status: "denied" });
    expect((await get(denied.id)).executionToken).toBeNull();
  });

  it("reportOutcome needs a claim first, then succeeds once", async () => {
    const { id, token } = await approved();
    const early = await failure(agentCaller(rt, agent).agent.reportOutcome({ id, outcome: "succeeded" }));
    expect(early.code).toBe("CONFLICT");
    expect(detailsOf(early)?.reason).toBe("not_claimed");

    await claim({ id, executionToken: token, arguments: args });
    const done = await agentCaller(rt, agent).agent.reportOutcome({ id, outcome: "failed", detail: "API returned 502" });
    expect(done.execution).toMatchObject({ status: "failed", outcome: "failed", detail: "API returned 502" });
    expect(done.execution?.completedAt).not.toBeNull();

    const twice = await failure(agentCaller(rt, agent).agent.reportOutcome({ id, outcome: "succeeded" }));
    expect(twice.code).toBe("CONFLICT");
    expect(detailsOf(twice)?.reason).toBe("already_reported");
    expect((await get(id)).execution?.outcome).toBe("failed");
  });

  it("the audit log records claim refusals, the claim and the reported outcome", async () => {
    const { id, token } = await approved();
    await failure(claim({ id, executionToken: token, arguments: { ...args, repo: "x" } }));
    await claim({ id, executionToken: token, arguments: args });
    await agentCaller(rt, agent).agent.reportOutcome({ id, outcome: "succeeded" });
    const events = auditRows(rt, id);
    const actions = events.map((e) => e.action);
    expect(actions).toEqual(["request.submitted", "policy.evaluated", "request.approved", "execution.claim_refused", "execution.claimed", "execution.reported"]);
    const refused = JSON.parse(events[3]?.data ?? "{}") as Record<string, unknown>;
    expect(refused.reason).toBe("arguments_mismatch");
    const claimed = JSON.parse(events[4]?.data ?? "{}") as Record<string, unknown>;
    expect(claimed.executedArgsHash).toBe(claimed.finalArgsHash);
    expect(JSON.parse(events[5]?.data ?? "{}")).toMatchObject({ outcome: "succeeded" });
    for (const e of events.slice(3)) expect(e.actorType).toBe("agent");
  });

  it("a read-only request is auto-approved by policy with verdict allow and a usable token", async () => {
    const view = await submit({ tool: "github.list_repositories", arguments: { owner: "acme" }, annotations: { readOnlyHint: true }, summary: "List repos" });
    expect(view.status).toBe("approved");
    expect(view.verdict).toBe("allow");
    expect(view.executionToken).toMatch(/^cse_/);
    expect(view.decision).toMatchObject({ outcome: "approved", channel: "policy", by: "policy", modified: false });
    expect(view.decision?.finalArguments).toEqual({ owner: "acme" });
    expect(view.policy.effect).toBe("allow");
    const claimed = await claim({ id: view.id, executionToken: view.executionToken ?? "", arguments: { owner: "acme" } });
    expect(claimed.execution?.status).toBe("claimed");
  });
});
