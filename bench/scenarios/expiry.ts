import { bearer } from "../http-pool";
import { submitMany, type AgentView, type BenchContext } from "../context";
import Database from "better-sqlite3";
import { summarize, type Summary } from "../stats";

export type ExpiryResult = {
  requests: number;
  timeoutSeconds: number;
  /** Date.now() when the waiter heard `expired` − the request's expiresAt (both wall clock, same machine). */
  latenessMs: Summary;
  /** The server's own record (audit `request.expired`, data.lateMs): when the expiring write ran − expiresAt. */
  serverExpireLatenessMs: Summary;
  errors: number;
  firstError: string | null;
};

/**
 * Nobody decides: `n` requests with the shortest timeout, each with an
 * `agent.wait` long-poll, and how late after its deadline each agent hears
 * "expired" (default deny).
 */
export async function runExpiry(ctx: BenchContext, opts: { n: number; timeoutSeconds: number }): Promise<ExpiryResult> {
  const reqs = await submitMany(ctx, opts.n, opts.timeoutSeconds);
  let errors = 0;
  let firstError: string | null = null;
  const fail = (msg: string) => {
    errors++;
    firstError ??= msg;
  };
  const lateness: number[] = [];
  await Promise.all(
    reqs.map(async (r) => {
      try {
        const res = await ctx.trpc.query("agent.wait", { id: r.id, timeoutMs: 60_000 }, bearer(r.key), { timeoutMs: opts.timeoutSeconds * 1000 + 30_000 });
        const heard = Date.now();
        if (res.status !== 200) return fail(`wait HTTP ${res.status}: ${res.body.slice(0, 300)}`);
        const v = (JSON.parse(res.body) as { result: { data: AgentView } }).result.data;
        if (v.status !== "expired") return fail(`waiter for ${r.id} heard ${v.status}`);
        lateness.push(heard - Date.parse(r.expiresAt));
      } catch (e) {
        fail(`wait failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }),
  );
  const serverLate = readExpireLateness(ctx.databaseFile, new Set(reqs.map((r) => r.id)));
  if (serverLate.length !== opts.n) fail(`${serverLate.length} of ${opts.n} requests were expired by the deadline scheduler (the rest by a waiter's own read)`);
  return { requests: opts.n, timeoutSeconds: opts.timeoutSeconds, latenessMs: summarize(lateness), serverExpireLatenessMs: summarize(serverLate), errors, firstError };
}

/** lateMs of the scheduler's `request.expired` audit events for `ids`, read-only (WAL: no interference with the server). */
function readExpireLateness(file: string, ids: Set<string>): number[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("SELECT request_id AS id, json_extract(data, '$.lateMs') AS lateMs FROM audit_event WHERE action = 'request.expired'").all() as { id: string; lateMs: number }[];
    return rows.filter((r) => ids.has(r.id)).map((r) => r.lateMs);
  } finally {
    db.close();
  }
}
