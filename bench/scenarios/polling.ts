import { bearer } from "../http-pool";
import { submitMany, type AgentView, type BenchContext } from "../context";
import { sleep, summarize, type Summary } from "../stats";
import { decideAll } from "./decide-loop";

export type PollingResult = {
  agents: number;
  intervalMs: number;
  /** Decide sent → the first `agent.get` answer showing the decision. */
  latencyMs: Summary;
  polls: number;
  errors: number;
  firstError: string | null;
};

/**
 * The baseline without push: each agent polls `agent.get` every `intervalMs`
 * (HumanLayer's SDK does every 3 s) from a random phase; the reviewer makes
 * the same decisions as in the long-poll scenario. Bounded: every poller
 * stops after its answer or after `intervalMs` × 4.
 */
export async function runPolling(ctx: BenchContext, opts: { n: number; intervalMs: number }): Promise<PollingResult> {
  const reqs = await submitMany(ctx, opts.n);
  const heardAt: number[] = new Array<number>(opts.n).fill(Number.NaN);
  let polls = 0;
  let errors = 0;
  let firstError: string | null = null;
  const fail = (msg: string) => {
    errors++;
    firstError ??= msg;
  };

  const start = performance.now();
  const stopAt = start + opts.intervalMs * 4;
  const pollers = reqs.map(async (r, i) => {
    const phase = Math.random() * opts.intervalMs;
    for (let k = 0; k < 10; k++) {
      const due = start + phase + k * opts.intervalMs;
      if (due > stopAt) return fail(`agent ${i} never saw its decision`);
      await sleep(Math.max(0, due - performance.now()));
      polls++;
      const res = await ctx.trpc.query("agent.get", { id: r.id }, bearer(r.key), { timeoutMs: 10_000 }).catch((e: unknown) => ({ status: 0, body: String(e) }));
      if (res.status !== 200) {
        fail(`get HTTP ${res.status}: ${res.body.slice(0, 300)}`);
        continue;
      }
      const v = (JSON.parse(res.body) as { result: { data: AgentView } }).result.data;
      if (v.status !== "pending") {
        heardAt[i] = performance.now();
        return;
      }
    }
  });

  const d = await decideAll(
    ctx,
    reqs.map((r) => r.id),
    1,
  );
  if (d.errors) fail(`${d.errors} decide calls failed: ${d.firstError}`);
  await Promise.all(pollers);

  const lat: number[] = [];
  heardAt.forEach((t1, i) => {
    const t0 = d.sentAt[i] as number;
    if (!Number.isNaN(t1) && !Number.isNaN(t0)) lat.push(t1 - t0);
  });
  return { agents: opts.n, intervalMs: opts.intervalMs, latencyMs: summarize(lat), polls, errors, firstError };
}
