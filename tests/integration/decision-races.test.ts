import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "@/server/runtime/runtime";
import type { UserActor, AgentActor } from "@/server/api/context";
import { SYSTEM_TIMEOUT, type ServiceContext } from "@/server/services/context";
import { submitRequest } from "@/server/services/approval/submit";
import { decideRequest } from "@/server/services/approval/decide";
import { expireDueRequests } from "@/server/services/approval/expire-due";
import { verifyAuditChain } from "@/server/services/audit/verify";
import { createTestRuntime, makeAgent, makeUser, userCaller, agentCaller, writeRequest } from "../fixtures/runtime";
import { afterTicks, countDecisionEvents, dbStatus, countRequests, countStoreConflicts, exactlyOnceViolations, randomInt, readLedger, settle, type Settled } from "../fixtures/ledger";
import { startServer, type RunningServer } from "../fixtures/server";
import { tempDatabaseUrl } from "../fixtures/test-db";
import { data, signIn, trpc } from "../fixtures/http";

const N = 1000;

describe("exactly-once decisions under in-process races", () => {
  let rt: Runtime;
  let agent: AgentActor;
  let alice: UserActor;
  let bob: UserActor;

  beforeAll(async () => {
    rt = createTestRuntime();
    // Submissions arm the deadline timer even before start(); no third party may sweep during these races.
    rt.scheduler.stop();
    agent = (await makeAgent(rt)).actor;
    alice = (await makeUser(rt, "reviewer")).actor;
    bob = (await makeUser(rt, "reviewer")).actor;
  });
  afterAll(() => rt?.close());

  const submitMany = async (n: number): Promise<string[]> => {
    const caller = agentCaller(rt, agent);
    const views = await Promise.all(Array.from({ length: n }, (_, i) => caller.agent.submit(writeRequest({ arguments: { owner: "acme", repo: `r-${i}` } }))));
    expect(views.every((v) => v.status === "pending")).toBe(true);
    return views.map((v) => v.id);
  };

  /** Per trial: one winner, a CONFLICT loser, the stored status is the winner's. Returns the failures. */
  const judge = (id: string, a: Settled<{ status: string }>, b: Settled<{ status: string }>, stored: string | undefined): string | null => {
    const wins = [a, b].filter((s) => s.ok);
    const losses = [a, b].filter((s) => !s.ok);
    if (wins.length !== 1 || losses.length !== 1) return `${id}: ${wins.length} winners`;
    const [win, loss] = [wins[0], losses[0]];
    if (!win?.ok || !loss || loss.ok) return `${id}: unreachable`;
    if (loss.code !== "CONFLICT") return `${id}: loser got ${loss.code}`;
    if (stored !== win.value.status) return `${id}: stored ${stored ?? "?"} but winner said ${win.value.status}`;
    return null;
  };

  const assertLedger = async (ids: string[]) => {
    const sqlite = rt.db.$client;
    expect(exactlyOnceViolations(readLedger(sqlite), ids)).toEqual([]);
    // Every request so far has been decided, each by exactly one audited decision.
    expect(countDecisionEvents(sqlite)).toBe(countRequests(sqlite));
    expect((await verifyAuditChain(rt.store)).ok).toBe(true);
  };

  it(`approve vs deny from two reviewers, ${N} trials`, async () => {
    const ids = await submitMany(N);
    const conflicts = countStoreConflicts(rt.store);
    const [a, b] = [userCaller(rt, alice), userCaller(rt, bob)];
    const results = await Promise.all(
      ids.map((id, i) => {
        const approve = () => a.review.decide({ id, decision: { type: "approve" } });
        const deny = () => b.review.decide({ id, decision: { type: "deny", reason: "not today" } });
        const [first, second] = i % 2 === 0 ? [approve, deny] : [deny, approve];
        return Promise.all([settle(afterTicks(randomInt(3), first)), settle(afterTicks(randomInt(3), second))]);
      }),
    );
    conflicts.restore();
    const ledger = readLedger(rt.db.$client);
    const failures = results.map(([x, y], i) => judge(ids[i] ?? "", x, y, ledger.get(ids[i] ?? "")?.status)).filter((f) => f !== null);
    expect(failures).toEqual([]);
    const approved = ids.filter((id) => ledger.get(id)?.status === "approved").length;
    // Both orders happened, and every loser got as far as the conditional write (it had read `pending`).
    expect(approved).toBeGreaterThan(0);
    expect(approved).toBeLessThan(N);
    expect(conflicts.count()).toBe(N);
    await assertLedger(ids);
  });

  it(`double approve by two reviewers, ${N} trials`, async () => {
    const ids = await submitMany(N);
    const conflicts = countStoreConflicts(rt.store);
    const [a, b] = [userCaller(rt, alice), userCaller(rt, bob)];
    const results = await Promise.all(
      ids.map((id) =>
        Promise.all([
          settle(afterTicks(randomInt(3), () => a.review.decide({ id, decision: { type: "approve", comment: "alice" } }))),
          settle(afterTicks(randomInt(3), () => b.review.decide({ id, decision: { type: "approve", comment: "bob" } }))),
        ]),
      ),
    );
    conflicts.restore();
    const ledger = readLedger(rt.db.$client);
    const failures = results.map(([x, y], i) => judge(ids[i] ?? "", x, y, ledger.get(ids[i] ?? "")?.status)).filter((f) => f !== null);
    expect(failures).toEqual([]);
    const aliceWon = results.filter(([x]) => x.ok).length;
    expect(aliceWon).toBeGreaterThan(0);
    expect(aliceWon).toBeLessThan(N);
    expect(conflicts.count()).toBe(N);
    // The execution token belongs to the winner's decision only.
    const tokens = rt.db.$client.prepare("SELECT count(DISTINCT execution_token) AS n FROM action_request WHERE id IN (SELECT value FROM json_each(?))").get(JSON.stringify(ids)) as { n: number };
    expect(tokens.n).toBe(N);
    await assertLedger(ids);
  });

  it(`approve vs expiry (reviewer just before the deadline, sweeper at/after it), ${N} trials`, async () => {
    // Deadlines 10 ms apart, so trial i's sweeper finds only its own request still pending.
    const base = Date.now();
    const submitted = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        submitRequest({ ctx: { ...rt.svc(agent), now: () => new Date(base + i * 10) }, input: writeRequest({ timeoutSeconds: 5 }) }),
      ),
    );
    const conflicts = countStoreConflicts(rt.store);
    const failures: string[] = [];
    let reviewerWon = 0;
    for (const req of submitted) {
      const deadline = Date.parse(req.expiresAt);
      const reviewer: ServiceContext = { ...rt.svc(alice), now: () => new Date(deadline - 1 - randomInt(5)) };
      const sweeper: ServiceContext = { ...rt.svc(SYSTEM_TIMEOUT), now: () => new Date(deadline + (randomInt(1) ? 0 : randomInt(9))) };
      const [decided, swept] = await Promise.all([
        settle(afterTicks(randomInt(1), () => decideRequest({ ctx: reviewer, input: { id: req.id, decision: { type: "approve" } } }))),
        settle(afterTicks(randomInt(4), () => expireDueRequests({ ctx: sweeper }))),
      ]);
      if (!swept.ok) {
        failures.push(`${req.id}: sweeper threw ${swept.code}`);
        continue;
      }
      // The sweeper is idempotent and never throws; losing means it expired nothing.
      const sweptIt = swept.value.expired.includes(req.id);
      if (swept.value.expired.some((id) => id !== req.id)) failures.push(`${req.id}: sweeper expired others ${swept.value.expired.join(",")}`);
      const stored = dbStatus(rt.db.$client, req.id);
      if (decided.ok === sweptIt) failures.push(`${req.id}: reviewer ok=${decided.ok}, sweeper expired it=${sweptIt}`);
      else if (!decided.ok && decided.code !== "CONFLICT") failures.push(`${req.id}: reviewer got ${decided.code}`);
      else if (stored !== (decided.ok ? "approved" : "expired")) failures.push(`${req.id}: stored ${stored ?? "?"}`);
      if (decided.ok) reviewerWon += 1;
    }
    conflicts.restore();
    expect(failures).toEqual([]);
    expect(reviewerWon).toBeGreaterThan(0);
    expect(reviewerWon).toBeLessThan(N);
    // Every time the sweeper won, the reviewer had read `pending` and lost at the conditional write.
    expect(conflicts.count()).toBe(N - reviewerWon);
    await assertLedger(submitted.map((s) => s.id));
  });
});

describe("exactly-once decisions over real HTTP, within and across processes", () => {
  const TRIALS = 100;
  let databaseUrl: string;
  let servers: RunningServer[] = [];
  let key: string;
  let cookies: [string, string];

  beforeAll(async () => {
    databaseUrl = tempDatabaseUrl("races");
    const setup = createTestRuntime({ databaseUrl });
    key = (await makeAgent(setup)).apiKey;
    const [r1, r2] = [await makeUser(setup, "reviewer"), await makeUser(setup, "reviewer")];
    setup.close();
    // Two instances on one SQLite file: the decision must be exactly-once between processes, not only within one.
    servers = [await startServer({ databaseUrl }), await startServer({ databaseUrl })];
    const [a, b] = servers as [RunningServer, RunningServer];
    cookies = [await signIn(a.url, r1.email, r1.password), await signIn(b.url, r2.email, r2.password)];
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });

  it(`two reviewers over HTTP, on one process and across two: one 200, one 409, ${TRIALS} trials`, async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    const ids = await Promise.all(Array.from({ length: TRIALS }, () => trpc(a.url, "agent.submit", writeRequest(), { key }).then((r) => data<{ id: string }>(r).id)));
    const failures: string[] = [];
    const wins = { approve: 0, deny: 0 };
    for (let chunk = 0; chunk < TRIALS; chunk += 10) {
      // Alternate chunks: the second reviewer on the same process as the first, or on the other one.
      const denier = (chunk / 10) % 2 === 0 ? b : a;
      await Promise.all(
        ids.slice(chunk, chunk + 10).map(async (id, i) => {
          const approve = () => trpc(a.url, "review.decide", { id, decision: { type: "approve" } }, { cookie: cookies[0] });
          const deny = () => trpc(denier.url, "review.decide", { id, decision: { type: "deny", reason: "no" } }, { cookie: cookies[1] });
          // Alternate which call leaves first (object literal members evaluate in order).
          const fired = i % 2 === 0 ? { ok: approve(), no: deny() } : { no: deny(), ok: approve() };
          const [approved, denied] = await Promise.all([fired.ok, fired.no]);
          const statuses = [approved.status, denied.status].sort().join(",");
          if (statuses !== "200,409") return void failures.push(`${id}: ${statuses}`);
          const loser = approved.status === 409 ? approved : denied;
          if (loser.body.error?.data.code !== "CONFLICT") failures.push(`${id}: loser ${JSON.stringify(loser.body.error)}`);
          const expected = approved.status === 200 ? "approved" : "denied";
          wins[approved.status === 200 ? "approve" : "deny"] += 1;
          const seen = data<{ status: string }>(await trpc(b.url, "agent.get", { id }, { key, method: "GET" })).status;
          if (seen !== expected) failures.push(`${id}: reads ${seen}, winner was ${expected}`);
        }),
      );
    }
    expect(failures).toEqual([]);
    console.log(`HTTP races: approve won ${wins.approve}, deny won ${wins.deny}`);

    await Promise.all(servers.map((s) => s.stop()));
    const after = createTestRuntime({ databaseUrl });
    try {
      const sqlite = after.db.$client;
      expect(exactlyOnceViolations(readLedger(sqlite), ids)).toEqual([]);
      expect(countDecisionEvents(sqlite)).toBe(countRequests(sqlite));
      expect((await verifyAuditChain(after.store)).ok).toBe(true);
    } finally {
      after.close();
    }
  });
});
