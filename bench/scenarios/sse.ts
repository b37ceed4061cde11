import { bearer, queryPath } from "../http-pool";
import { submitMany, type AgentView, type BenchContext } from "../context";
import { readSse } from "../sse";
import { bound, sleep, summarize } from "../stats";
import { decideAll, matchLatencies } from "./decide-loop";
import type { NotifyResult } from "./long-poll";

/**
 * As the long-poll scenario, over `agent.onDecision` (tRPC SSE): the agent's
 * time is when the first event whose request is no longer pending arrives.
 */
export async function runSse(ctx: BenchContext, opts: { n: number; settleMs: number; decideConcurrency: number }): Promise<NotifyResult> {
  const reqs = await submitMany(ctx, opts.n);
  const heardAt: number[] = new Array<number>(opts.n).fill(Number.NaN);
  let errors = 0;
  let firstError: string | null = null;
  const fail = (msg: string) => {
    errors++;
    firstError ??= msg;
  };

  let connected = 0;
  let allConnected!: () => void;
  const allConnectedP = new Promise<void>((r) => (allConnected = r));
  const aborts: (() => void)[] = [];
  const streams = reqs.map((r, i) => {
    const { response, abort } = ctx.pool.open({
      method: "GET",
      path: queryPath("agent.onDecision", { id: r.id }),
      headers: { ...bearer(r.key), accept: "text/event-stream" },
      timeoutMs: 75_000,
    });
    aborts.push(abort);
    return new Promise<void>((done) => {
      let finished = false;
      const finish = (err?: string) => {
        if (finished) return;
        finished = true;
        if (err) fail(err);
        abort(); // the stream has told us what we wanted; close it
        done();
      };
      response.then(
        (res) => {
          if (res.statusCode !== 200) {
            res.resume();
            return finish(`SSE HTTP ${res.statusCode}`);
          }
          res.once("close", () => finish(Number.isNaN(heardAt[i]) ? `SSE stream for ${r.id} closed without a decision` : undefined));
          res.once("error", () => {}); // aborted by us
          readSse(res, (e) => {
            if (e.event === "connected") {
              if (++connected === opts.n) allConnected();
              return;
            }
            if (e.event !== "message") return; // ping / return
            const at = performance.now();
            let v: AgentView;
            try {
              v = JSON.parse(e.data) as AgentView;
            } catch {
              return finish(`unparsable SSE data: ${e.data.slice(0, 200)}`);
            }
            if (v.status === "pending") return;
            heardAt[i] = at;
            finish(v.status === "approved" ? undefined : `SSE for ${r.id} heard ${v.status}`);
          });
        },
        (e: unknown) => finish(`SSE failed: ${e instanceof Error ? e.message : String(e)}`),
      );
    });
  });

  try {
    await Promise.race([allConnectedP, bound(30_000)]);
    if (connected < opts.n) fail(`only ${connected} of ${opts.n} SSE streams connected within 30 s`);
    await sleep(opts.settleMs);
    const openConnections = ctx.pool.socketsInUse();
    if (openConnections < opts.n) fail(`only ${openConnections} connections open for ${opts.n} waiters`);
    const early = heardAt.filter((t) => !Number.isNaN(t)).length;
    if (early > 0) fail(`${early} SSE streams delivered a decision before any was made`);

    const d = await decideAll(
      ctx,
      reqs.map((r) => r.id),
      opts.decideConcurrency,
    );
    if (d.errors) fail(`${d.errors} decide calls failed: ${d.firstError}`);
    await Promise.race([Promise.all(streams), bound(30_000)]);

    const { fromSend: lat, fromAnswer } = matchLatencies(heardAt, d);
    if (lat.length < opts.n) fail(`${opts.n - lat.length} SSE streams never delivered the decision`);
    return { waiters: opts.n, latencyMs: summarize(lat), afterDecideAnswerMs: summarize(fromAnswer), decideRttMs: summarize(d.rttMs), settleMs: opts.settleMs, openConnections, errors, firstError };
  } finally {
    for (const a of aborts) a();
  }
}
