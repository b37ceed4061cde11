import { bearer } from "../http-pool";
import { submitBody, type BenchContext } from "../context";
import { summarize, type Summary } from "../stats";
import { cpuTimeMs } from "../proc";

export type SubmitResult = {
  concurrency: number;
  durationMs: number;
  warmupMs: number;
  /** Submissions answered 200 (durably committed) that started and finished inside the measured window. */
  ok: number;
  errors: number;
  firstError: string | null;
  perSecond: number;
  latencyMs: Summary;
  /** Server CPU (user + system) over the measured window per counted submission: what caps throughput when the CPU is the limit. */
  serverCpuMsPerSubmit: number | null;
  /** Server CPU over the measured window / wall time: 1.0 = one core busy throughout. */
  serverCpuCores: number | null;
};

/**
 * `concurrency` agent loops, each submitting back to back for `warmupMs` (not
 * counted) and then `durationMs`. A counted submission got HTTP 200: the
 * server answers only after the group commit holding it (synchronous=FULL).
 */
export async function runSubmitThroughput(ctx: BenchContext, opts: { concurrency: number; durationMs: number; warmupMs: number }): Promise<SubmitResult> {
  const start = performance.now();
  const measureFrom = start + opts.warmupMs;
  const end = measureFrom + opts.durationMs;
  const maxPerLoop = 1_000_000; // a bound on the count as well as the time
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  let firstError: string | null = null;

  let cpuAtMeasure: number | null = null;
  let cpuAtEnd: number | null = null;
  const cpuTimers = [
    setTimeout(() => (cpuAtMeasure = cpuTimeMs(ctx.serverPid)), Math.max(0, measureFrom - performance.now())),
    setTimeout(() => (cpuAtEnd = cpuTimeMs(ctx.serverPid)), Math.max(0, end - performance.now())),
  ];

  const loop = async (i: number) => {
    const headers = bearer(ctx.keys[i % ctx.keys.length] as string);
    for (let n = 0; n < maxPerLoop && performance.now() < end; n++) {
      const t0 = performance.now();
      let status = 0;
      let body = "";
      try {
        const res = await ctx.trpc.mutation("agent.submit", submitBody(300), headers, 30_000);
        status = res.status;
        body = res.body;
      } catch (e) {
        body = e instanceof Error ? e.message : String(e);
      }
      const t1 = performance.now();
      if (status !== 200) {
        errors++;
        firstError ??= `HTTP ${status}: ${body.slice(0, 300)}`;
        if (errors > 1000) return; // something is badly wrong; stop hammering
        continue;
      }
      if (t0 >= measureFrom && t1 <= end) {
        ok++;
        latencies.push(t1 - t0);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, (_, i) => loop(i)));
  for (const t of cpuTimers) clearTimeout(t);
  const cpuMs = cpuAtMeasure !== null && cpuAtEnd !== null ? (cpuAtEnd as number) - (cpuAtMeasure as number) : null;

  return {
    concurrency: opts.concurrency,
    durationMs: opts.durationMs,
    warmupMs: opts.warmupMs,
    ok,
    errors,
    firstError,
    perSecond: Math.round((ok / opts.durationMs) * 1000),
    latencyMs: summarize(latencies),
    serverCpuMsPerSubmit: cpuMs !== null && ok > 0 ? Math.round((cpuMs / ok) * 100) / 100 : null,
    serverCpuCores: cpuMs !== null ? Math.round((cpuMs / opts.durationMs) * 100) / 100 : null,
  };
}
