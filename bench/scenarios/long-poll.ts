import { bearer } from "../http-pool";
import { submitMany, type AgentView, type BenchContext } from "../context";
import { bound, sleep, summarize, type Summary } from "../stats";
import { decideAll, matchLatencies } from "./decide-loop";

export type NotifyResult = {
  waiters: number;
  /** Decide sent (t0) → the waiter's answer received (t1), same clock: an upper bound, it includes the decide round trip and its commit. */
  latencyMs: Summary;
  /** The agent's answer − the decide call's own answer (negative: the agent heard first). Shows what fan-out adds past the commit. */
  afterDecideAnswerMs: Summary;
  /** The reviewer's decide call round trip, for comparison. */
  decideRttMs: Summary;
  settleMs: number;
  /** Connections the bench held open to the server while the waiters waited (one per waiter). */
  openConnections: number;
  errors: number;
  firstError: string | null;
};

/**
 * N agents long-poll `agent.wait` on their own pending request; once all are
 * in flight the reviewer approves them one at a time, and each decision's
 * send time is matched with its waiter's answer.
 */
export async function runLongPoll(ctx: BenchContext, opts: { n: number; settleMs: number; decideConcurrency: number }): Promise<NotifyResult> {
  const reqs = await submitMany(ctx, opts.n);
  const heardAt: number[] = new Array<number>(opts.n).fill(Number.NaN);
  let errors = 0;
  let firstError: string | null = null;
  const fail = (msg: string) => {
    errors++;
    firstError ??= msg;
  };

  let sent = 0;
  let allSent!: () => void;
  const allSentP = new Promise<void>((r) => (allSent = r));
  const waiters = reqs.map((r, i) =>
    ctx.trpc
      .query("agent.wait", { id: r.id, timeoutMs: 60_000 }, bearer(r.key), {
        timeoutMs: 75_000,
        onSent: () => {
          if (++sent === opts.n) allSent();
        },
      })
      .then(
        (res) => {
          heardAt[i] = performance.now();
          if (res.status !== 200) return fail(`wait HTTP ${res.status}: ${res.body.slice(0, 300)}`);
          const v = (JSON.parse(res.body) as { result: { data: AgentView } }).result.data;
          if (v.status !== "approved") fail(`waiter for ${r.id} heard ${v.status}`);
        },
        (e: unknown) => fail(`wait failed: ${e instanceof Error ? e.message : String(e)}`),
      ),
  );
  await Promise.race([allSentP, bound(30_000)]);
  if (sent < opts.n) fail(`only ${sent} of ${opts.n} long-polls were sent within 30 s`);
  await sleep(opts.settleMs);
  const openConnections = ctx.pool.socketsInUse();
  if (openConnections < opts.n) fail(`only ${openConnections} connections open for ${opts.n} waiters`);
  const early = heardAt.filter((t) => !Number.isNaN(t)).length;
  if (early > 0) fail(`${early} long-polls answered before any decision`);

  const d = await decideAll(
    ctx,
    reqs.map((r) => r.id),
    opts.decideConcurrency,
  );
  if (d.errors) fail(`${d.errors} decide calls failed: ${d.firstError}`);
  await Promise.all(waiters);

  const { fromSend: lat, fromAnswer } = matchLatencies(heardAt, d);
  return { waiters: opts.n, latencyMs: summarize(lat), afterDecideAnswerMs: summarize(fromAnswer), decideRttMs: summarize(d.rttMs), settleMs: opts.settleMs, openConnections, errors, firstError };
}
