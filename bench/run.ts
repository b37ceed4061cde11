/**
 * `npm run bench`: throughput and latency of the real server process on a
 * fresh SQLite file, over real loopback connections. A benchmark, not a test:
 * it prints figures next to the targets and never fails on them.
 */
import { resolve } from "node:path";
import { parseOptions } from "./options";
import { startBenchServer, signInOverPool, RssSampler, type BenchServer } from "./server";
import { HttpPool, TrpcClient } from "./http-pool";
import type { BenchContext } from "./context";
import { fmtMs } from "./stats";
import { sqlitePathFromUrl } from "../server/db/client";
import { machineInfo, msRow, printTable, writeJson, type Row } from "./report";
import { runSubmitThroughput, type SubmitResult } from "./scenarios/submit";
import { runLongPoll, type NotifyResult } from "./scenarios/long-poll";
import { runSse } from "./scenarios/sse";
import { runPolling, type PollingResult } from "./scenarios/polling";
import { runExpiry, type ExpiryResult } from "./scenarios/expiry";
import type { AuditSearchResult } from "./scenarios/audit-search";
import { runHumanLayerSdk, runMcpWait, runNativeClient, type SurfaceResult } from "./scenarios/agent-surfaces";
import { AUDIT_SEARCH_P95_TARGET_MS, runAuditOnly, runAuditScenario } from "./audit-run";

const TARGETS = {
  submitsPerSecond: 2000,
  notifyP99Ms: { 100: 5, 1000: 25 } as Record<number, number>,
  expiryP99Ms: 20,
};

const MiB = (kib: number | null) => (kib === null ? null : Math.round((kib / 1024) * 10) / 10);

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}`);
  if (opts.auditOnly) return runAuditOnly(opts, log);
  log(`Countersign bench${opts.quick ? " (--quick)" : ""}: ${opts.concurrency} submit loops × ${opts.submitDurationMs / 1000} s; waiters ${opts.waiters.join(", ")}`);

  let bench: BenchServer | null = null;
  let pool: HttpPool | null = null;
  const onSignal = () => {
    bench?.server.proc.kill("SIGTERM");
    process.exit(130);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  const results: {
    submit?: SubmitResult;
    longPoll: NotifyResult[];
    sse?: NotifyResult;
    polling?: PollingResult;
    expiry?: ExpiryResult;
    surfaces: SurfaceResult[];
    memory?: { idleRssMiB: number | null; peakRssMiB: number | null; vmHwmMiB: number | null; samples: number };
    auditSearch?: AuditSearchResult;
  } = { longPoll: [], surfaces: [] };
  const rows: Row[] = [];
  let sampler: RssSampler | null = null;
  let serverLog = "";
  let failure: unknown = null;

  try {
    bench = await startBenchServer(opts.concurrency);
    const pid = bench.server.proc.pid;
    if (pid === undefined) throw new Error("server has no pid");
    log(`server pid ${pid} on ${bench.server.url}; ${bench.keys.length} agents, database ${bench.databaseUrl}`);
    pool = new HttpPool(bench.server.port, 2000);
    const cookie = await signInOverPool(pool, bench.server.url, bench.reviewer.email, bench.reviewer.password);
    const ctx: BenchContext = { url: bench.server.url, pool, trpc: new TrpcClient(pool), keys: bench.keys, cookie, serverPid: pid, databaseFile: sqlitePathFromUrl(bench.databaseUrl), log };
    sampler = new RssSampler(pid);
    sampler.start(50);
    const idleRssKiB = sampler.peakRssKiB;

    // a. durable submissions
    const s = await runSubmitThroughput(ctx, { concurrency: opts.concurrency, durationMs: opts.submitDurationMs, warmupMs: opts.submitWarmupMs });
    results.submit = s;
    log(`a. submit: ${s.perSecond}/s durable (${s.ok} in ${s.durationMs / 1000} s, C=${s.concurrency}), p50 ${fmtMs(s.latencyMs.p50)}, p99 ${fmtMs(s.latencyMs.p99)}, server CPU ${s.serverCpuMsPerSubmit ?? "?"} ms/submit (${s.serverCpuCores ?? "?"} cores busy), errors ${s.errors}${s.firstError ? ` (${s.firstError})` : ""}`);
    rows.push({ scenario: `a. submit (C=${s.concurrency})`, metric: "durable submissions/s", value: String(s.perSecond), target: `≥ ${TARGETS.submitsPerSecond}`, met: s.perSecond >= TARGETS.submitsPerSecond });
    rows.push(msRow(`a. submit (C=${s.concurrency})`, "submit latency p50", s.latencyMs.p50));
    rows.push(msRow(`a. submit (C=${s.concurrency})`, "submit latency p99", s.latencyMs.p99));
    rows.push({ scenario: `a. submit (C=${s.concurrency})`, metric: "server CPU per submit", value: s.serverCpuMsPerSubmit === null ? "n/a" : fmtMs(s.serverCpuMsPerSubmit), target: "", met: null });

    // b. decision → agent over long-poll
    for (const n of opts.waiters) {
      const r = await runLongPoll(ctx, { n, settleMs: opts.settleMs(n), decideConcurrency: opts.decideConcurrency });
      results.longPoll.push(r);
      log(`b. long-poll N=${n} (${r.openConnections} connections): decide-sent→agent p50 ${fmtMs(r.latencyMs.p50)}, p99 ${fmtMs(r.latencyMs.p99)}, max ${fmtMs(r.latencyMs.max)} (decide RTT p50 ${fmtMs(r.decideRttMs.p50)}; agent − decide answer p50 ${fmtMs(r.afterDecideAnswerMs.p50)}), errors ${r.errors}${r.firstError ? ` (${r.firstError})` : ""}`);
      const sc = `b. long-poll (N=${n})`;
      rows.push(msRow(sc, "decision→agent p50", r.latencyMs.p50));
      rows.push(msRow(sc, "decision→agent p99", r.latencyMs.p99, TARGETS.notifyP99Ms[n]));
      rows.push(msRow(sc, "decision→agent max", r.latencyMs.max));
      rows.push(msRow(sc, "decide round trip p50", r.decideRttMs.p50));
      rows.push(msRow(sc, "agent − decide answer p99", r.afterDecideAnswerMs.p99));
    }

    // c. the same over SSE
    {
      const n = opts.sseStreams;
      const r = await runSse(ctx, { n, settleMs: opts.settleMs(n), decideConcurrency: opts.decideConcurrency });
      results.sse = r;
      log(`c. SSE N=${n} (${r.openConnections} connections): decide-sent→agent p50 ${fmtMs(r.latencyMs.p50)}, p99 ${fmtMs(r.latencyMs.p99)}, max ${fmtMs(r.latencyMs.max)}, errors ${r.errors}${r.firstError ? ` (${r.firstError})` : ""}`);
      const sc = `c. SSE (N=${n})`;
      rows.push(msRow(sc, "decision→agent p50", r.latencyMs.p50));
      rows.push(msRow(sc, "decision→agent p99", r.latencyMs.p99, TARGETS.notifyP99Ms[n]));
      rows.push(msRow(sc, "decision→agent max", r.latencyMs.max));
      rows.push(msRow(sc, "decide round trip p50", r.decideRttMs.p50));
      rows.push(msRow(sc, "agent − decide answer p99", r.afterDecideAnswerMs.p99));
    }

    // d. the baseline: polling every 3 s
    {
      const r = await runPolling(ctx, { n: opts.pollingAgents, intervalMs: opts.pollingIntervalMs });
      results.polling = r;
      log(`d. polling every ${r.intervalMs / 1000} s, N=${r.agents}: p50 ${fmtMs(r.latencyMs.p50)}, p99 ${fmtMs(r.latencyMs.p99)} (${r.polls} polls), errors ${r.errors}${r.firstError ? ` (${r.firstError})` : ""}`);
      const sc = `d. poll get/${r.intervalMs / 1000}s (N=${r.agents})`;
      rows.push(msRow(sc, "decision→agent p50", r.latencyMs.p50));
      rows.push(msRow(sc, "decision→agent p99", r.latencyMs.p99));
    }

    // e. default deny on time
    {
      const r = await runExpiry(ctx, { n: opts.expiryRequests, timeoutSeconds: 5 });
      results.expiry = r;
      log(`e. expiry, ${r.requests} × ${r.timeoutSeconds} s: lateness p50 ${fmtMs(r.latenessMs.p50)}, p99 ${fmtMs(r.latenessMs.p99)}, max ${fmtMs(r.latenessMs.max)} (server's expiring write: p50 ${fmtMs(r.serverExpireLatenessMs.p50)}, p99 ${fmtMs(r.serverExpireLatenessMs.p99)}), errors ${r.errors}${r.firstError ? ` (${r.firstError})` : ""}`);
      const sc = `e. expiry (${r.requests} × ${r.timeoutSeconds} s)`;
      rows.push(msRow(sc, "heard expired − expiresAt p50", r.latenessMs.p50));
      rows.push(msRow(sc, "heard expired − expiresAt p99", r.latenessMs.p99, TARGETS.expiryP99Ms));
      rows.push(msRow(sc, "heard expired − expiresAt max", r.latenessMs.max));
      rows.push(msRow(sc, "server expire write − expiresAt p99", r.serverExpireLatenessMs.p99));
    }

    // h. decision → agent through each agent-facing surface, side by side
    for (const run of [() => runNativeClient(ctx, opts.surfaceAgents), () => runMcpWait(ctx, opts.surfaceAgents), () => runHumanLayerSdk(ctx, opts.humanLayerAgents)]) {
      const r = await run();
      results.surfaces.push(r);
      log(`h. ${r.surface}, N=${r.agents}: decide-sent→agent p50 ${fmtMs(r.latencyMs.p50)}, p99 ${fmtMs(r.latencyMs.p99)}, max ${fmtMs(r.latencyMs.max)}, errors ${r.errors}${r.firstError ? ` (${r.firstError})` : ""}`);
      const sc = `h. ${r.surface} (N=${r.agents})`;
      rows.push(msRow(sc, "decision→agent p50", r.latencyMs.p50));
      rows.push(msRow(sc, "decision→agent p99", r.latencyMs.p99));
    }

    // f. memory
    const m = sampler.stop();
    results.memory = { idleRssMiB: MiB(idleRssKiB), peakRssMiB: MiB(m.peakRssKiB), vmHwmMiB: MiB(m.hwmKiB), samples: m.samples };
    log(`f. server RSS: idle ${results.memory.idleRssMiB} MiB, peak sampled ${results.memory.peakRssMiB} MiB, VmHWM ${results.memory.vmHwmMiB} MiB`);
    rows.push({ scenario: "f. server memory", metric: "RSS after start", value: `${results.memory.idleRssMiB} MiB`, target: "", met: null });
    rows.push({ scenario: "f. server memory", metric: "peak RSS (VmHWM)", value: `${results.memory.vmHwmMiB ?? results.memory.peakRssMiB} MiB`, target: "", met: null });
  } catch (e) {
    failure = e;
  } finally {
    sampler?.stop();
    pool?.close();
    if (bench) {
      await bench.server.stop();
      serverLog = bench.server.output();
    }
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }

  // g. audit search at scale, in this process, once the server is gone (no CPU contention).
  if (failure === null && opts.auditEvents > 0) {
    try {
      results.auditSearch = await runAuditScenario(opts, log, rows);
    } catch (e) {
      failure = e;
    }
  }

  // Anything the server said besides its start and stop lines is worth a look.
  const serverMessages = serverLog
    .split("\n")
    .filter((l) => l.trim() !== "" && !/listening on http|shutting down/.test(l));

  console.log("");
  if (rows.length) printTable(rows);
  console.log("");
  console.log("decision→agent is measured from the moment the decide call is sent to the moment the agent's answer arrives");
  console.log("(one clock, the bench process): an upper bound that includes the decide round trip and its durable commit.");
  if (serverMessages.length) {
    console.log(`\nserver logged ${serverMessages.length} line(s) besides start/stop; first ones:`);
    for (const l of serverMessages.slice(0, 10)) console.log(`  ${l}`);
  }

  const failureText = failure === null ? null : failure instanceof Error ? (failure.stack ?? failure.message) : JSON.stringify(failure);
  const out = resolve(opts.out);
  writeJson(out, {
    machine: machineInfo(),
    options: { ...opts, settleMs: opts.waiters.map((n) => ({ n, ms: opts.settleMs(n) })) },
    targets: { ...TARGETS, auditSearchP95Ms: AUDIT_SEARCH_P95_TARGET_MS },
    results,
    serverMessages: serverMessages.slice(0, 50),
    error: failureText,
    totalSeconds: Math.round((performance.now() - started) / 100) / 10,
  });
  console.log(`\nresults written to ${out} (${((performance.now() - started) / 1000).toFixed(1)} s in all)`);
  if (failureText !== null) {
    console.error(`\nthe bench stopped early: ${failureText}`);
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
