import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { humanlayer } from "@humanlayer/sdk";
import { createClient } from "../../server/client";
import { submitMany, type BenchContext } from "../context";
import { bound, mapLimit, sleep, summarize, type Summary } from "../stats";
import { decideAll, matchLatencies } from "./decide-loop";

export type SurfaceResult = {
  surface: "native client" | "MCP wait_for_approval" | "HumanLayer SDK";
  agents: number;
  /** Decide sent → the agent-side call returned with the decision (one clock). */
  latencyMs: Summary;
  errors: number;
  firstError: string | null;
};

type Waiter = { id: string; wait: () => Promise<string> };

/**
 * The shared shape of the three measurements: every agent starts waiting the
 * way its surface waits, the reviewer then approves one request at a time,
 * and each decide call's send time is matched with its agent's answer.
 */
async function measure(ctx: BenchContext, surface: SurfaceResult["surface"], waiters: Waiter[], settleMs: number, spreadOverMs = 0): Promise<SurfaceResult> {
  const heardAt: number[] = new Array<number>(waiters.length).fill(Number.NaN);
  let errors = 0;
  let firstError: string | null = null;
  const fail = (msg: string) => {
    errors++;
    firstError ??= msg;
  };
  const running = waiters.map((w, i) =>
    w.wait().then(
      (status) => {
        heardAt[i] = performance.now();
        if (status !== "approved") fail(`${w.id} heard ${status}`);
      },
      (e: unknown) => fail(`wait failed: ${e instanceof Error ? e.message : String(e)}`),
    ),
  );
  await sleep(settleMs);
  const early = heardAt.filter((t) => !Number.isNaN(t)).length;
  if (early > 0) fail(`${early} agents answered before any decision`);
  const d = spreadOverMs > 0 ? await decidePaced(ctx, waiters.map((w) => w.id), spreadOverMs) : await decideAll(ctx, waiters.map((w) => w.id), 1);
  if (d.errors) fail(`${d.errors} decide calls failed: ${d.firstError}`);
  await Promise.race([Promise.all(running), bound(60_000)]);
  const { fromSend } = matchLatencies(heardAt, d);
  return { surface, agents: waiters.length, latencyMs: summarize(fromSend), errors, firstError };
}

/** `countersign/client` `waitForDecision`: the long-poll, as a TypeScript agent would use it. */
export async function runNativeClient(ctx: BenchContext, n: number): Promise<SurfaceResult> {
  const reqs = await submitMany(ctx, n);
  const waiters = reqs.map((r) => {
    const client = createClient({ baseUrl: ctx.url, apiKey: r.key });
    return { id: r.id, wait: async () => (await client.waitForDecision(r.id)).status };
  });
  return measure(ctx, "native client", waiters, Math.max(500, n * 2));
}

/** The official MCP SDK client calling `wait_for_approval` over Streamable HTTP, one client per agent. */
export async function runMcpWait(ctx: BenchContext, n: number): Promise<SurfaceResult> {
  const reqs = await submitMany(ctx, n);
  const clients = await mapLimit(reqs, 16, async (r) => {
    const client = new Client({ name: "countersign-bench", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL("/api/mcp", ctx.url), { requestInit: { headers: { authorization: `Bearer ${r.key}` } } }));
    return client;
  });
  const waiters = reqs.map((r, i) => {
    const client = clients[i] as Client;
    return {
      id: r.id,
      wait: async () => {
        const res = await client.callTool({ name: "wait_for_approval", arguments: { id: r.id, waitSeconds: 55 } }, undefined, { timeout: 70_000 });
        return String((res.structuredContent as { status?: string } | undefined)?.status);
      },
    };
  });
  try {
    return await measure(ctx, "MCP wait_for_approval", waiters, Math.max(1000, n * 5));
  } finally {
    await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
  }
}

/**
 * `@humanlayer/sdk` unchanged (it polls `GET /function_calls/{call_id}` every
 * 3 s) pointed at Countersign. The SDK makes its own request, so the bench
 * finds each one in the reviewer's inbox by the agent's marker argument.
 */
export async function runHumanLayerSdk(ctx: BenchContext, n: number): Promise<SurfaceResult> {
  const runTag = `hl${Date.now()}`;
  const calls = Array.from({ length: n }, (_, i) => {
    const hl = humanlayer({ apiKey: ctx.keys[i % ctx.keys.length] as string, apiBaseUrl: `${ctx.url}/api/humanlayer/v1`, runId: `${runTag}-${i}` });
    return hl.fetchHumanApproval({ spec: { fn: "bench_humanlayer_call", kwargs: { marker: `${runTag}-${i}` } } });
  });
  // The SDK POSTs first and sleeps 3 s before its first GET: find the requests meanwhile.
  const ids = await findPendingByMarker(ctx, runTag, n);
  const waiters = ids.map((id, i) => ({ id, wait: async () => ((await calls[i])?.approved === true ? "approved" : "not approved") }));
  // Agents that poll started together, so deciding all at once would land every decision at the
  // same point of their 3 s cycle; spread over one cycle, decisions fall at every phase, as in life.
  return measure(ctx, "HumanLayer SDK", waiters, 200, 3000);
}

/** Decides `ids` one by one, evenly spaced over `spreadOverMs`. */
async function decidePaced(ctx: BenchContext, ids: readonly string[], spreadOverMs: number): Promise<{ sentAt: number[]; answeredAt: number[]; errors: number; firstError: string | null }> {
  const sentAt: number[] = [];
  const answeredAt: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const start = performance.now();
  for (const [i, id] of ids.entries()) {
    await sleep(Math.max(0, start + (i * spreadOverMs) / ids.length - performance.now()));
    const d = await decideAll(ctx, [id], 1);
    sentAt.push(d.sentAt[0] ?? Number.NaN);
    answeredAt.push(d.answeredAt[0] ?? Number.NaN);
    errors += d.errors;
    firstError ??= d.firstError;
  }
  return { sentAt, answeredAt, errors, firstError };
}

async function findPendingByMarker(ctx: BenchContext, runTag: string, n: number): Promise<string[]> {
  const ids: string[] = new Array<string>(n).fill("");
  const deadline = performance.now() + 10_000;
  while (ids.some((x) => x === "") && performance.now() < deadline) {
    const input = encodeURIComponent(JSON.stringify({ status: "pending", tool: "bench_humanlayer_call", limit: 200 }));
    const res = await ctx.pool.request({ method: "GET", path: `/api/trpc/review.list?input=${input}`, headers: { cookie: ctx.cookie } });
    const page = (JSON.parse(res.body) as { result: { data: { items: { id: string; arguments: { marker?: string } }[] } } }).result.data;
    for (const item of page.items) {
      const m = /^(.*)-(\d+)$/.exec(item.arguments.marker ?? "");
      if (m?.[1] === runTag) ids[Number(m[2])] = item.id;
    }
    if (ids.some((x) => x === "")) await sleep(50);
  }
  if (ids.some((x) => x === "")) throw new Error(`found only ${ids.filter(Boolean).length} of ${n} HumanLayer requests in the inbox`);
  return ids;
}
