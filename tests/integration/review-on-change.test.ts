import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTRPCClient, httpLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { EventSource } from "eventsource";
import type { AppRouter } from "@/server/api/root";
import { createCaller } from "@/server/api/root";
import { createContextInner } from "@/server/api/context";
import type { Runtime } from "@/server/runtime/runtime";
import { agentCaller, createTestRuntime, makeAgent, makeUser, userCaller, writeRequest } from "../fixtures/runtime";
import { startServer, type RunningServer } from "../fixtures/server";
import { tempDatabaseUrl } from "../fixtures/test-db";
import { signIn, trpc } from "../fixtures/http";
import { agentClient } from "../fixtures/trpc-client";
import { watchRequestChanges } from "@/server/services/approval/watch-changes";

type Change = { id: string; status: string };

const within = <T,>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms))]);

describe("review.onChange in-process", () => {
  let rt: Runtime;
  beforeAll(() => {
    rt = createTestRuntime();
  });
  afterAll(() => rt?.close());

  it("yields { id, status } for each committed change and lets go of the hub when aborted", async () => {
    const agent = (await makeAgent(rt)).actor;
    const viewer = (await makeUser(rt, "viewer")).actor;
    const reviewer = (await makeUser(rt, "reviewer")).actor;
    const hub = rt.hub as typeof rt.hub & { listenerCount(): number };
    const before = hub.listenerCount();
    const abort = new AbortController();
    const stream = await createCaller(createContextInner({ rt, agent: null, user: viewer }), { signal: abort.signal }).review.onChange();
    const it = stream[Symbol.asyncIterator]();

    const first = it.next();
    const sub = await agentCaller(rt, agent).agent.submit(writeRequest());
    expect((await within(first, 2_000, "submission")).value).toEqual({ id: sub.id, status: "pending" });
    expect(hub.listenerCount()).toBe(before + 1);

    const second = it.next();
    await userCaller(rt, reviewer).review.decide({ id: sub.id, decision: { type: "approve" } });
    expect((await within(second, 2_000, "decision")).value).toEqual({ id: sub.id, status: "approved" });

    const third = it.next();
    abort.abort();
    expect((await within(third, 2_000, "end")).done).toBe(true);
    expect(hub.listenerCount()).toBe(before);
  });

  it("coalesces changes a slow reader has not taken yet: the latest status per request", async () => {
    const agent = (await makeAgent(rt)).actor;
    const viewer = (await makeUser(rt, "viewer")).actor;
    const reviewer = (await makeUser(rt, "reviewer")).actor;
    const abort = new AbortController();
    const stream = await createCaller(createContextInner({ rt, agent: null, user: viewer }), { signal: abort.signal }).review.onChange();
    const it = stream[Symbol.asyncIterator]();
    const first = it.next();
    const a = await agentCaller(rt, agent).agent.submit(writeRequest());
    await first;
    // Nobody reads while these two commit.
    const b = await agentCaller(rt, agent).agent.submit(writeRequest({ arguments: { repo: "b" } }));
    await userCaller(rt, reviewer).review.decide({ id: a.id, decision: { type: "deny", reason: "no" } });
    await userCaller(rt, reviewer).review.decide({ id: b.id, decision: { type: "deny", reason: "no" } });
    const got = [(await it.next()).value as Change, (await it.next()).value as Change];
    expect(got.sort((x, y) => x.id.localeCompare(y.id))).toEqual(
      [
        { id: a.id, status: "denied" },
        { id: b.id, status: "denied" },
      ].sort((x, y) => x.id.localeCompare(y.id)),
    );
    abort.abort();
    await it.next();
  });
});

describe("watchRequestChanges re-reads its user", () => {
  it("ends with 'revoked' once the user is deactivated, and lets go of the hub", async () => {
    const rt = createTestRuntime();
    const abort = new AbortController();
    try {
      const viewer = (await makeUser(rt, "viewer")).actor;
      const hub = rt.hub as typeof rt.hub & { listenerCount(): number };
      const before = hub.listenerCount();
      const it = watchRequestChanges({ ctx: rt.svc(viewer), signal: abort.signal, recheckMs: 50 });
      const next = it.next();
      await new Promise((r) => setTimeout(r, 120));
      expect(hub.listenerCount()).toBe(before + 1);
      rt.db.$client.prepare("UPDATE user SET disabled_at = ? WHERE id = ?").run(Date.now(), viewer.userId);
      expect(await within(next, 2_000, "end")).toEqual({ done: true, value: "revoked" });
      expect(hub.listenerCount()).toBe(before);
    } finally {
      abort.abort();
      rt.close();
    }
  });
});

describe("review.onChange over SSE with a session cookie, as the dashboard uses it", () => {
  let server: RunningServer;
  let cookie: string;
  let key: string;
  let reviewerCookie: string;

  beforeAll(async () => {
    const databaseUrl = tempDatabaseUrl("on-change");
    const setup = createTestRuntime({ databaseUrl });
    key = (await makeAgent(setup)).apiKey;
    const viewer = await makeUser(setup, "viewer");
    const reviewer = await makeUser(setup, "reviewer");
    setup.close();
    server = await startServer({ databaseUrl });
    cookie = await signIn(server.url, viewer.email, viewer.password);
    reviewerCookie = await signIn(server.url, reviewer.email, reviewer.password);
  });
  afterAll(async () => server?.stop());

  const dashboardClient = (withCookie: string | null) =>
    createTRPCClient<AppRouter>({
      links: [
        splitLink({
          condition: (op) => op.type === "subscription",
          true: httpSubscriptionLink({
            url: `${server.url}/api/trpc`,
            EventSource,
            eventSourceOptions: () => ({
              fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, ...(withCookie ? { cookie: withCookie } : {}) } }),
            }),
          }),
          false: httpLink({ url: `${server.url}/api/trpc` }),
        }),
      ],
    });

  it("a viewer hears a new request and its decision within 200 ms of the commit", async () => {
    const heard: (Change & { at: number })[] = [];
    let notify = () => {};
    let started = () => {};
    const startedP = new Promise<void>((r) => (started = r));
    const sub = dashboardClient(cookie).review.onChange.subscribe(undefined, {
      onStarted: () => started(),
      onData: (c) => {
        heard.push({ ...c, at: performance.now() });
        notify();
      },
    });
    const next = (pred: (c: Change) => boolean) =>
      new Promise<Change & { at: number }>((resolve) => {
        const check = () => {
          const hit = heard.find(pred);
          if (hit) resolve(hit);
        };
        notify = check;
        check();
      });
    try {
      await within(startedP, 5_000, "SSE connection");
      const submitted = await agentClient(server.url, key).agent.submit.mutate(writeRequest());
      const afterSubmit = performance.now();
      const seen = await within(next((c) => c.id === submitted.id), 2_000, "submission");
      expect(seen.status).toBe("pending");
      expect(seen.at - afterSubmit).toBeLessThan(200);

      const decided = await trpc(server.url, "review.decide", { id: submitted.id, decision: { type: "deny", reason: "no" } }, { cookie: reviewerCookie });
      expect(decided.status).toBe(200);
      const afterDecide = performance.now();
      const denied = await within(next((c) => c.id === submitted.id && c.status === "denied"), 2_000, "decision");
      expect(denied.at - afterDecide).toBeLessThan(200);
    } finally {
      sub.unsubscribe();
    }
  });

  it("refuses a stream without a session", async () => {
    const res = await fetch(`${server.url}/api/trpc/review.onChange`, { headers: { accept: "text/event-stream" } });
    const text = await res.text();
    expect(text).toMatch(/UNAUTHORIZED/);
  });
});
