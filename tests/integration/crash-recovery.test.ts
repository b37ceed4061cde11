import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { sqlitePathFromUrl } from "@/server/db/client";
import { verifyAuditChain } from "@/server/services/audit/verify";
import { startServer, type RunningServer } from "../fixtures/server";
import { tempDatabaseUrl } from "../fixtures/test-db";
import { signIn, trpc } from "../fixtures/http";
import { createTestRuntime, makeAgent, makeUser } from "../fixtures/runtime";
import { exactlyOnceViolations, readLedger } from "../fixtures/ledger";
import { agentLoop, inChunks, reviewerLoop, sleep, type LoadControl, type LoadLog } from "../fixtures/load";

const LOAD_MS = 2_500;

describe("a SIGKILL mid-load loses nothing acknowledged", () => {
  const servers: RunningServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill()));
  });

  it("keeps every acknowledged submission and decision, expires what came due while down, and the chain verifies", async () => {
    const databaseUrl = tempDatabaseUrl("crash");
    const file = sqlitePathFromUrl(databaseUrl);
    const setup = createTestRuntime({ databaseUrl });
    const keys = [(await makeAgent(setup)).apiKey, (await makeAgent(setup)).apiKey];
    const reviewer = await makeUser(setup, "reviewer");
    setup.close();

    const first = await startServer({ databaseUrl });
    servers.push(first);
    const cookie = await signIn(first.url, reviewer.email, reviewer.password);

    const log: LoadLog = { submissions: [], decisions: [], problems: [], cutOff: 0 };
    const ctl: LoadControl = { crashing: false };
    const queue: string[] = [];
    const loops = [
      ...[0, 1, 2, 3].map((i) => agentLoop(first.url, keys[i % 2] ?? "", i, ctl, log, (s) => queue.push(s.id))),
      reviewerLoop(first.url, cookie, queue, ctl, log),
      reviewerLoop(first.url, cookie, queue, ctl, log),
    ];
    await sleep(LOAD_MS);
    // Crash with calls in flight: no shutdown code runs.
    ctl.crashing = true;
    const crashedAt = Date.now();
    await first.kill();
    await Promise.all(loops);

    expect(log.problems).toEqual([]);
    // Real load, even on a busy machine (typically several hundred submissions).
    expect(log.submissions.length).toBeGreaterThan(20);
    expect(log.decisions.length).toBeGreaterThan(5);
    console.log(`acknowledged ${log.submissions.length} submissions and ${log.decisions.length} decisions; ${log.cutOff} calls cut off by the crash`);

    // Anything accepted before the crash with a 5 s deadline is now past due.
    await sleep(Math.max(0, crashedAt + 5_000 + 100 - Date.now()));
    const restartAt = Date.now();
    const second = await startServer({ databaseUrl });
    servers.push(second);

    // Right after restart, before anyone reads: the start-up sweep has written `expired` to the rows themselves.
    const early = new Database(file, { readonly: true });
    const overdue = early.prepare("SELECT id FROM action_request WHERE status = 'pending' AND expires_at <= ?").all(restartAt);
    const sweptAtStart = early.prepare("SELECT count(*) AS n FROM decision WHERE channel = 'timeout'").get() as { n: number };
    early.close();
    expect(overdue).toEqual([]);
    expect(sweptAtStart.n).toBeGreaterThan(0);

    // Every acknowledged submission is there, and every acknowledged decision is still that decision.
    const decided = new Map(log.decisions.map((d) => [d.id, d.status]));
    const mismatches = (
      await inChunks(log.submissions, 32, async (s) => {
        const r = await trpc(second.url, "agent.get", { id: s.id }, { key: s.key, method: "GET" });
        const status = (r.body.result?.data as { status?: string } | undefined)?.status;
        if (r.status !== 200) return `${s.id}: get answered ${r.status}`;
        const want = decided.get(s.id);
        if (want && status !== want) return `${s.id}: acknowledged ${want}, now ${status ?? "?"}`;
        // Undecided as far as the reviewer knows; a decision cut off by the crash may still have landed.
        const allowed = s.timeoutSeconds === 5 ? ["expired", "approved", "denied"] : ["pending", "approved", "denied"];
        if (!want && !allowed.includes(status ?? "")) return `${s.id}: ${status ?? "?"}`;
        return null;
      })
    ).filter((m) => m !== null);
    expect(mismatches).toEqual([]);
    await second.stop();

    // On disk: no request with two decisions, each decided one audited once, and the chain intact.
    const sqlite = new Database(file, { readonly: true });
    const ledger = readLedger(sqlite);
    const doubles = sqlite.prepare("SELECT request_id, count(*) AS n FROM decision GROUP BY request_id HAVING n > 1").all();
    sqlite.close();
    expect(doubles).toEqual([]);
    expect(exactlyOnceViolations(ledger)).toEqual([]);
    for (const s of log.submissions) expect(ledger.has(s.id)).toBe(true);
    for (const d of log.decisions) expect(ledger.get(d.id)?.status).toBe(d.status);
    const after = createTestRuntime({ databaseUrl });
    try {
      expect(await verifyAuditChain(after.store)).toMatchObject({ ok: true });
    } finally {
      after.close();
    }
  });
});
