import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgentRequestView as ServerView } from "@/server/services/approval/view";
import type { SubmitInput } from "@/server/services/approval/schemas";
import { createClient, CountersignError, type AgentRequestView, type ApprovalRequestInput, type CountersignClient } from "../../server/client/index";
import { startClientEnv, type ClientEnv } from "./client-helpers";
import { closedPort } from "../fixtures/ports";

// Compile-time: the client's own declarations of the API's shapes match the server's (npm run typecheck fails otherwise).
const viewMatches = (v: ServerView): AgentRequestView => v;
const inputMatches = (i: ApprovalRequestInput): SubmitInput => i;
void viewMatches;
void inputMatches;

const request = (overrides: Partial<ApprovalRequestInput> = {}): ApprovalRequestInput => ({
  tool: "github.delete_repository",
  arguments: { owner: "acme", repo: "legacy-site" },
  annotations: { destructiveHint: true },
  summary: "Delete the legacy-site repository",
  ...overrides,
});


describe("TypeScript client against a real server", () => {
  let env: ClientEnv;
  let cs: CountersignClient;

  beforeAll(async () => {
    env = await startClientEnv("client-flow");
    cs = createClient({ baseUrl: env.server.url, apiKey: env.apiKey });
  });
  afterAll(async () => env?.stop());

  it("requestApproval → waitForDecision hears an approval within 100 ms of the reviewer's decision", async () => {
    const sub = await cs.requestApproval(request());
    expect(sub).toMatchObject({ status: "pending", verdict: "wait", tool: "github.delete_repository" });
    expect(sub.url).toContain(`/requests/${sub.id}`);
    const waiting = cs.waitForDecision(sub.id).then((view) => ({ view, at: performance.now() }));
    await new Promise((r) => setTimeout(r, 300));
    await env.decide(sub.id, { type: "approve", comment: "go ahead" });
    const decidedAt = performance.now();
    const { view, at } = await waiting;
    expect(view).toMatchObject({ status: "approved", verdict: "allow", decision: { outcome: "approved", by: env.reviewerEmail, comment: "go ahead", modified: false } });
    expect(view.executionToken).toMatch(/^cse_/);
    expect(at - decidedAt).toBeLessThan(100);
  });

  it("keeps long-polling across several short polls and still answers at once", async () => {
    const shortPolls = createClient({ baseUrl: env.server.url, apiKey: env.apiKey, maxPollMs: 250 });
    const sub = await shortPolls.requestApproval(request());
    const waiting = shortPolls.waitForDecision(sub.id).then((view) => ({ view, at: performance.now() }));
    await new Promise((r) => setTimeout(r, 1_100));
    await env.decide(sub.id, { type: "deny", reason: "not during the freeze" });
    const decidedAt = performance.now();
    const { view, at } = await waiting;
    expect(view.status).toBe("denied");
    expect(view.decision?.reason).toBe("not during the freeze");
    expect(at - decidedAt).toBeLessThan(100);
  });

  it("a request nobody decides is expired, heard within a second of its deadline", async () => {
    const sub = await cs.requestApproval(request({ timeoutSeconds: 5 }));
    const view = await cs.waitForDecision(sub.id);
    const heardAt = Date.now();
    expect(view).toMatchObject({ status: "expired", verdict: "deny", executionToken: null, decision: { outcome: "expired", by: "system:deadline" } });
    expect(heardAt - Date.parse(sub.expiresAt)).toBeLessThan(1000);
  });

  it("timeoutMs returns the still-pending request; an aborted wait rejects at once", async () => {
    const sub = await cs.requestApproval(request());
    const started = performance.now();
    const view = await cs.waitForDecision(sub.id, { timeoutMs: 300 });
    expect(view.status).toBe("pending");
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(performance.now() - started).toBeLessThan(2_000);

    const ac = new AbortController();
    const waiting = cs.waitForDecision(sub.id, { signal: ac.signal });
    setTimeout(() => ac.abort(new Error("agent shutting down")), 100);
    await expect(waiting).rejects.toThrow("agent shutting down");
  });

  it("cancel ends the request; the waiter hears 'cancelled'", async () => {
    const sub = await cs.requestApproval(request());
    const waiting = cs.waitForDecision(sub.id);
    const cancelled = await cs.cancel(sub.id, "plan changed");
    expect(cancelled.status).toBe("cancelled");
    expect((await waiting).status).toBe("cancelled");
    expect((await cs.get(sub.id)).status).toBe("cancelled");
  });

  it("claim and reportOutcome: single-use token bound to the approved arguments", async () => {
    const sub = await cs.requestApproval(request());
    await env.decide(sub.id, { type: "approve", finalArguments: { owner: "acme", repo: "legacy-site-archive" } });
    const view = await cs.waitForDecision(sub.id);
    expect(view.decision).toMatchObject({ modified: true, finalArguments: { owner: "acme", repo: "legacy-site-archive" } });
    const token = view.executionToken ?? "";

    const wrongArgs = await cs.claim(sub.id, token, { arguments: { owner: "acme", repo: "legacy-site" } }).catch((e: unknown) => e);
    expect(wrongArgs).toBeInstanceOf(CountersignError);
    expect(wrongArgs).toMatchObject({ code: "PRECONDITION_FAILED", httpStatus: 412, details: { reason: "arguments_mismatch" }, procedure: "agent.claim" });

    expect((await cs.claim(sub.id, token, { arguments: { owner: "acme", repo: "legacy-site-archive" } })).execution?.status).toBe("claimed");
    const again = await cs.claim(sub.id, token).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: "CONFLICT", httpStatus: 409, details: { reason: "already_claimed" } });

    const done = await cs.reportOutcome(sub.id, "succeeded", "archived instead");
    expect(done.execution).toMatchObject({ status: "succeeded", outcome: "succeeded", detail: "archived instead" });
  });

  it("API refusals are CountersignErrors with code, status and field issues", async () => {
    const bad = await cs.requestApproval(request({ tool: "rm -rf /" })).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(CountersignError);
    expect(bad).toMatchObject({ code: "BAD_REQUEST", httpStatus: 400 });
    expect((bad as CountersignError).issues?.some((i) => i.path === "tool")).toBe(true);

    const wrongKey = createClient({ baseUrl: env.server.url, apiKey: "cs_not_a_real_key" });
    await expect(wrongKey.requestApproval(request())).rejects.toMatchObject({ name: "CountersignError", code: "UNAUTHORIZED", httpStatus: 401 });

    const missing = await cs.get("0190a3c0-0000-7000-8000-000000000000").catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: "NOT_FOUND", httpStatus: 404 });
  });

  it("an unreachable server is a NETWORK_ERROR naming the address, never an approval", async () => {
    const port = await closedPort();
    const offline = createClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: env.apiKey });
    const e = await offline.requestApproval(request()).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(CountersignError);
    expect(e).toMatchObject({ code: "NETWORK_ERROR", httpStatus: null });
    expect((e as Error).message).toContain(`127.0.0.1:${port}`);
    expect((e as Error).message).toMatch(/ECONNREFUSED/);
  });

  it("createClient refuses a missing baseUrl or apiKey", () => {
    expect(() => createClient({ baseUrl: "", apiKey: "cs_x" })).toThrow(/baseUrl/);
    expect(() => createClient({ baseUrl: env.server.url, apiKey: "" })).toThrow(/apiKey/);
  });
});
