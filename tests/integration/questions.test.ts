import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Runtime } from "@/server/runtime/runtime";
import type { AgentActor, UserActor } from "@/server/api/context";
import { SYSTEM_TIMEOUT } from "@/server/services/context";
import { expireDueRequests } from "@/server/services/approval/expire-due";
import { verifyAuditChain } from "@/server/services/audit/verify";
import { agentCaller, createTestRuntime, makeAgent, makeUser, userCaller, writeRequest } from "../fixtures/runtime";
import { detailsOf, failure } from "../fixtures/errors";
import { auditRows, sqlCount } from "../fixtures/sql";
import { settle } from "../fixtures/ledger";
import { SUMMARY_MESSAGE_CHARS } from "../../server/services/approval/review";

describe("questions: an agent asks, a reviewer answers (in-process)", () => {
  let clock = Date.parse("2030-01-01T00:00:00Z");
  let rt: Runtime;
  let agent: AgentActor;
  let readOnlyAgent: AgentActor;
  let reviewer: UserActor;
  let second: UserActor;
  let viewer: UserActor;

  beforeAll(async () => {
    rt = createTestRuntime({ now: () => new Date(clock) });
    // Expiry is driven by the test's clock, not by timers.
    rt.scheduler.stop();
    agent = (await makeAgent(rt)).actor;
    readOnlyAgent = (await makeAgent(rt, "read_only")).actor;
    reviewer = (await makeUser(rt, "reviewer")).actor;
    second = (await makeUser(rt, "reviewer")).actor;
    viewer = (await makeUser(rt, "viewer")).actor;
  });
  afterAll(() => rt?.close());

  const ask = (input: Parameters<ReturnType<typeof agentCaller>["agent"]["ask"]>[0], who: AgentActor = agent) => agentCaller(rt, who).agent.ask(input);
  const review = (who: UserActor = reviewer) => userCaller(rt, who).review;
  const options = [{ name: "eu", title: "Europe" }, { name: "us", title: "United States", description: "us-east-1" }];

  it("asking creates a pending, low-risk question that only a human can close", async () => {
    const v = await ask({ message: "Which region should the new bucket live in?", subject: "Bucket region", responseOptions: options });
    expect(v).toMatchObject({
      kind: "question",
      status: "pending",
      verdict: "wait",
      tool: "human_contact",
      risk: "low",
      policy: { effect: "require_approval", reason: "questions always go to a human" },
      question: { message: "Which region should the new bucket live in?", subject: "Bucket region", responseOptions: options, answerOptionName: null },
      answer: null,
      decision: null,
      executionToken: null,
    });

    const seen = await review().get({ id: v.id });
    expect(seen).toMatchObject({ kind: "question", status: "pending", summary: "Bucket region", question: { message: "Which region should the new bucket live in?", subject: "Bucket region", responseOptions: options } });
    const listed = await review().list({ sort: "deadline", fields: "summary" });
    expect(listed.items.find((i) => i.id === v.id)).toMatchObject({ kind: "question", question: { subject: "Bucket region" } });
    // Actions carry the fields too, empty.
    const action = await agentCaller(rt, agent).agent.submit(writeRequest());
    expect(action).toMatchObject({ kind: "action", question: null, answer: null });
    expect(await review().get({ id: action.id })).toMatchObject({ kind: "action", question: null });
  });

  it("a list in summary form clips a long question's message; the detail keeps all of it", async () => {
    const message = `${"Why is the nightly job slow? ".repeat(600)}🙂 end`;
    const v = await ask({ message });
    const listed = (await review().list({ sort: "deadline", fields: "summary", limit: 200 })).items.find((i) => i.id === v.id);
    expect(listed?.question?.message).toBe(`${Array.from(message).slice(0, SUMMARY_MESSAGE_CHARS).join("")}…`);
    expect((await review().list({ sort: "deadline", limit: 200 })).items.find((i) => i.id === v.id)?.question?.message).toBe(message);
    expect((await review().get({ id: v.id })).question?.message).toBe(message);
  });

  it("policy never auto-approves a question, even from a read-only agent whose read-only action it does approve", async () => {
    const readOnlyAction = await agentCaller(rt, readOnlyAgent).agent.submit(writeRequest({ tool: "github.list_repos", annotations: { readOnlyHint: true } }));
    expect(readOnlyAction.status).toBe("approved");
    const q = await ask({ message: "May I read the repo list?" }, readOnlyAgent);
    expect(q).toMatchObject({ status: "pending", policy: { effect: "require_approval" } });
    const events = auditRows(rt, q.id);
    expect(events.map((e) => e.action)).toEqual(["request.submitted", "policy.evaluated"]);
    expect(JSON.parse(events[1]?.data ?? "{}")).toMatchObject({ kind: "question", effect: "require_approval", reason: "questions always go to a human" });
  });

  it("an answer reaches the agent; the first answer is the only one", async () => {
    const q = await ask({ message: "Which region?", responseOptions: options });
    const answered = await review().answer({ id: q.id, answer: "  Europe, please — Frankfurt.  ", optionName: "eu" });
    expect(answered).toMatchObject({ kind: "question", status: "approved", decision: { outcome: "approved", comment: "Europe, please — Frankfurt.", modified: false, by: reviewer.email, finalArguments: null } });

    const v = await agentCaller(rt, agent).agent.get({ id: q.id });
    expect(v).toMatchObject({
      status: "approved",
      verdict: "allow",
      answer: "Europe, please — Frankfurt.",
      question: { answerOptionName: "eu" },
      executionToken: null,
      decision: { finalArguments: null, finalArgsHash: null },
    });

    const again = await failure(review(second).answer({ id: q.id, answer: "US" }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toMatch(/already approved by .* via web/);
    const deny = await failure(review(second).decide({ id: q.id, decision: { type: "deny", reason: "late" } }));
    expect(deny.code).toBe("CONFLICT");
    expect(sqlCount(rt, "SELECT count(*) FROM decision WHERE request_id = ?", q.id)).toBe(1);
    expect((await agentCaller(rt, agent).agent.get({ id: q.id })).answer).toBe("Europe, please — Frankfurt.");

    // Nothing to execute: claiming is refused.
    const claim = await failure(agentCaller(rt, agent).agent.claim({ id: q.id, executionToken: "cse_anything" }));
    expect(claim.code).toBe("BAD_REQUEST");
  });

  it("two reviewers answering at once: exactly one wins, the other hears CONFLICT", async () => {
    const q = await ask({ message: "Ship it today?" });
    const results = await Promise.all([settle(review().answer({ id: q.id, answer: "yes" })), settle(review(second).answer({ id: q.id, answer: "no" }))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(["CONFLICT"]);
    const winner = results.findIndex((r) => r.ok) === 0 ? "yes" : "no";
    expect((await agentCaller(rt, agent).agent.get({ id: q.id })).answer).toBe(winner);
    expect(sqlCount(rt, "SELECT count(*) FROM audit_event WHERE request_id = ? AND action = 'request.approved'", q.id)).toBe(1);
  });

  it("approving a question through decide or decideMany is refused (BAD_REQUEST) and changes nothing", async () => {
    const q = await ask({ message: "Proceed?" });
    const e = await failure(review().decide({ id: q.id, decision: { type: "approve", comment: "ok" } }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.message).toMatch(/answer a question with review\.answer/);
    const batch = await review().decideMany({ ids: [q.id], decision: { type: "approve" } });
    expect(batch).toEqual([expect.objectContaining({ id: q.id, ok: false, code: "BAD_REQUEST" })]);
    expect((await agentCaller(rt, agent).agent.get({ id: q.id })).status).toBe("pending");
    expect(auditRows(rt, q.id).map((r) => r.action)).toEqual(["request.submitted", "policy.evaluated"]);
  });

  it("answering an action is refused; so is an option the question does not offer, and an empty answer", async () => {
    const action = await agentCaller(rt, agent).agent.submit(writeRequest());
    expect((await failure(review().answer({ id: action.id, answer: "sure" }))).code).toBe("BAD_REQUEST");
    const q = await ask({ message: "Which region?", responseOptions: options });
    const bad = await failure(review().answer({ id: q.id, answer: "Asia", optionName: "ap" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(detailsOf(bad)).toMatchObject({ field: "optionName", options: ["eu", "us"] });
    const plain = await ask({ message: "Anything else?" });
    expect((await failure(review().answer({ id: plain.id, answer: "no", optionName: "eu" }))).code).toBe("BAD_REQUEST");
    expect((await failure(review().answer({ id: plain.id, answer: "   " }))).code).toBe("BAD_REQUEST");
    expect((await failure(review().answer({ id: "0190f000-0000-7000-8000-00000000abcd", answer: "x" }))).code).toBe("NOT_FOUND");
    for (const id of [action.id, q.id, plain.id]) expect(sqlCount(rt, "SELECT count(*) FROM decision WHERE request_id = ?", id)).toBe(0);
  });

  it("a viewer cannot answer (FORBIDDEN); an agent cannot either", async () => {
    const q = await ask({ message: "Who approves?" });
    expect((await failure(review(viewer).answer({ id: q.id, answer: "me" }))).code).toBe("FORBIDDEN");
    // An agent's key carries no session: the review API does not know it.
    const byAgent = await failure(agentCaller(rt, agent).review.answer({ id: q.id, answer: "me" }));
    expect(byAgent.code).toBe("UNAUTHORIZED");
    expect((await agentCaller(rt, agent).agent.get({ id: q.id })).status).toBe("pending");
  });

  it("bad questions are refused with the field named, and nothing is written", async () => {
    const before = sqlCount(rt, "SELECT count(*) FROM action_request");
    const cases: [unknown, string][] = [
      [{ message: "" }, "message"],
      [{ message: "x".repeat(20_001) }, "message"],
      [{ message: "ok", responseOptions: Array.from({ length: 21 }, (_, i) => ({ name: `o${i}` })) }, "responseOptions"],
      [{ message: "ok", responseOptions: [{ name: "a" }, { name: "a" }] }, "responseOptions"],
      [{ message: "ok", responseOptions: [{ name: " " }] }, "responseOptions.0.name"],
      [{ message: "ok", timeoutSeconds: 1 }, "timeoutSeconds"],
      [{ message: "ok", tool: "rm" }, ""],
    ];
    for (const [input, field] of cases) {
      const e = await failure(ask(input as { message: string }));
      expect(e.code, JSON.stringify(input).slice(0, 80)).toBe("BAD_REQUEST");
      expect(e.cause).toBeInstanceOf(ZodError);
      expect((e.cause as ZodError).issues[0]?.path.join(".")).toBe(field);
    }
    expect(sqlCount(rt, "SELECT count(*) FROM action_request")).toBe(before);
  });

  it("the same idempotency key returns the same question; another body under it is a CONFLICT", async () => {
    const first = await ask({ message: "Deploy now?", idempotencyKey: "q-1" });
    const again = await ask({ message: "Deploy now?", idempotencyKey: "q-1" });
    expect(again.id).toBe(first.id);
    const e = await failure(ask({ message: "Deploy later?", idempotencyKey: "q-1" }));
    expect(e.code).toBe("CONFLICT");
    expect(sqlCount(rt, "SELECT count(*) FROM action_request WHERE idempotency_key = 'q-1'")).toBe(1);
  });

  it("a reviewer dismisses a question by denying it with a reason", async () => {
    const q = await ask({ message: "Should I also drop the staging DB?" });
    const dismissed = await review().decide({ id: q.id, decision: { type: "deny", reason: "Not your call — ask #infra." } });
    expect(dismissed).toMatchObject({ kind: "question", status: "denied", decision: { outcome: "denied", reason: "Not your call — ask #infra." } });
    expect(await agentCaller(rt, agent).agent.get({ id: q.id })).toMatchObject({ status: "denied", verdict: "deny", answer: null, decision: { reason: "Not your call — ask #infra." } });
    const denied = auditRows(rt, q.id).find((r) => r.action === "request.denied");
    expect(JSON.parse(denied?.data ?? "{}")).toMatchObject({ kind: "question", reason: "Not your call — ask #infra." });
  });

  it("an unanswered question expires at its deadline (default deny)", async () => {
    const q = await ask({ message: "Still there?", timeoutSeconds: 5 });
    clock = Date.parse(q.expiresAt);
    expect(await agentCaller(rt, agent).agent.get({ id: q.id })).toMatchObject({ status: "expired", verdict: "deny", answer: null });
    expect((await failure(review().answer({ id: q.id, answer: "yes" }))).code).toBe("CONFLICT");
    const { expired } = await expireDueRequests({ ctx: rt.svc(SYSTEM_TIMEOUT) });
    expect(expired).toContain(q.id);
    expect(await review().get({ id: q.id })).toMatchObject({ status: "expired", decision: { outcome: "expired", channel: "timeout" } });
    clock += 1000;
  });

  it("questions and answers are in the audit log: the chain verifies and the answer is searchable", async () => {
    const q = await ask({ message: "What is the maintenance window?" });
    await review().answer({ id: q.id, answer: "Saturdays zanzibarish 02:00 UTC" });
    const events = auditRows(rt, q.id);
    expect(events.map((e) => e.action)).toEqual(["request.submitted", "policy.evaluated", "request.approved"]);
    expect(JSON.parse(events[0]?.data ?? "{}")).toMatchObject({ kind: "question", tool: "human_contact", arguments: { message: "What is the maintenance window?" } });
    expect(JSON.parse(events[2]?.data ?? "{}")).toMatchObject({ kind: "question", comment: "Saturdays zanzibarish 02:00 UTC", modified: false });

    const found = await userCaller(rt, reviewer).audit.search({ q: "zanzibarish" });
    expect(found.items.map((i) => [i.requestId, i.action])).toEqual([[q.id, "request.approved"]]);
    expect(await verifyAuditChain(rt.store)).toMatchObject({ ok: true });
  });
});
