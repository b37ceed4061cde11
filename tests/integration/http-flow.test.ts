import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../fixtures/server";
import { tempDatabaseUrl } from "../fixtures/test-db";
import { data, signIn, trpc } from "../fixtures/http";
import { createTestRuntime, makeAgent, makeUser, writeRequest } from "../fixtures/runtime";

type View = { id: string; status: string; verdict: string; executionToken: string | null; decision: { by: string; channel: string; finalArguments: unknown; comment: string | null; reason: string | null } | null };

describe("agent ↔ reviewer over real HTTP", () => {
  let server: RunningServer;
  let key: string;
  let reviewerCookie: string;
  let viewerCookie: string;

  beforeAll(async () => {
    const databaseUrl = tempDatabaseUrl("http");
    const setup = createTestRuntime({ databaseUrl });
    key = (await makeAgent(setup)).apiKey;
    const reviewer = await makeUser(setup, "reviewer");
    const viewer = await makeUser(setup, "viewer");
    setup.close();
    server = await startServer({ databaseUrl });
    reviewerCookie = await signIn(server.url, reviewer.email, reviewer.password);
    viewerCookie = await signIn(server.url, viewer.email, viewer.password);
  });
  afterAll(async () => server?.stop());

  it("a waiting agent hears an approval within 50 ms of the decision", async () => {
    const sub = data<View>(await trpc(server.url, "agent.submit", writeRequest(), { key }));
    expect(sub.status).toBe("pending");
    expect(sub.verdict).toBe("wait");

    const waiting = trpc(server.url, "agent.wait", { id: sub.id, timeoutMs: 20_000 }, { key, method: "GET" }).then((r) => ({ r, at: performance.now() }));
    await new Promise((r) => setTimeout(r, 200));
    const decideStarted = performance.now();
    const decided = await trpc(server.url, "review.decide", { id: sub.id, decision: { type: "approve", comment: "ok" } }, { cookie: reviewerCookie });
    const decidedAt = performance.now();
    expect(decided.status).toBe(200);
    const { r, at } = await waiting;
    const view = data<View>(r);
    expect(view.status).toBe("approved");
    expect(view.verdict).toBe("allow");
    expect(view.executionToken).toMatch(/^cse_/);
    expect(view.decision?.comment).toBe("ok");
    // The agent hears it no later than 50 ms after the reviewer's call returned.
    expect(at - decidedAt).toBeLessThan(50);
    expect(at).toBeGreaterThan(decideStarted);
  });

  it("an undecided request's waiter hears 'expired' within 1 s of its deadline", async () => {
    const sub = data<View & { expiresAt: string }>(await trpc(server.url, "agent.submit", writeRequest({ timeoutSeconds: 5 }), { key }));
    const r = await trpc(server.url, "agent.wait", { id: sub.id, timeoutMs: 30_000 }, { key, method: "GET" });
    const heardAt = Date.now();
    const view = data<View>(r);
    expect(view.status).toBe("expired");
    expect(view.verdict).toBe("deny");
    expect(heardAt - Date.parse(sub.expiresAt)).toBeLessThan(1000);
    expect(heardAt).toBeGreaterThanOrEqual(Date.parse(sub.expiresAt));
  });

  it("a viewer cannot decide (403) and the request stays pending", async () => {
    const sub = data<View>(await trpc(server.url, "agent.submit", writeRequest(), { key }));
    const r = await trpc(server.url, "review.decide", { id: sub.id, decision: { type: "deny", reason: "no" } }, { cookie: viewerCookie });
    expect(r.status).toBe(403);
    expect(data<View>(await trpc(server.url, "agent.get", { id: sub.id }, { key, method: "GET" })).status).toBe("pending");
  });

  it("a second decision gets CONFLICT naming who decided", async () => {
    const sub = data<View>(await trpc(server.url, "agent.submit", writeRequest(), { key }));
    await trpc(server.url, "review.decide", { id: sub.id, decision: { type: "deny", reason: "too risky" } }, { cookie: reviewerCookie });
    const again = await trpc(server.url, "review.decide", { id: sub.id, decision: { type: "approve" } }, { cookie: reviewerCookie });
    expect(again.status).toBe(409);
    expect(again.body.error?.message).toMatch(/already denied by reviewer-.*via web/);
    expect(again.body.error?.data.details).toMatchObject({ status: "denied", channel: "web" });
  });

  it("refuses cookie-authenticated mutations from a foreign origin (CSRF)", async () => {
    const sub = data<View>(await trpc(server.url, "agent.submit", writeRequest(), { key }));
    const r = await trpc(server.url, "review.decide", { id: sub.id, decision: { type: "approve" } }, { cookie: reviewerCookie, headers: { origin: "https://evil.example" } });
    expect(r.status).toBe(403);
    expect(data<View>(await trpc(server.url, "agent.get", { id: sub.id }, { key, method: "GET" })).status).toBe("pending");
  });
});
