import type { JsonValue } from "../../domain/json/canonical";
import { DECISION_ACTIONS, facetTokens, facetsOf, searchBody } from "../../domain/audit/search-index";
import type { Db } from "../client";

type PendingRow = { seq: number; action: string; actorType: string; actorId: string; requestId: string | null; data: string };

/**
 * Keeps the audit log's full-text index (audit_fts) level with audit_event.
 *
 * Indexing runs shortly after writes commit (`soon`, at most every
 * `delayMs`), in its own transactions of up to `chunk` events, and before
 * every search (`catchUp`), so a search never misses an event that was
 * written before it. It is not part of the write transactions on purpose:
 * FTS5 flushes its pending terms at every savepoint and at every commit, and
 * a group commit has a savepoint per write; indexing there (as an SQL trigger
 * or before COMMIT) cost agents' submissions ~150 µs and ~70 µs of CPU each,
 * batching it here ~55 µs (docs/PERFORMANCE.md). The index is derived data:
 * its own head (the largest seq in it) says what is missing, so several
 * processes appending to one file (server and CLI) never index an event
 * twice, and on start-up whatever is missing is indexed — which is also the
 * backfill of a log older than the migration. Its transactions skip the
 * fsync (synchronous=NORMAL): what a crash loses is indexed again.
 */
export function createAuditIndexer(db: Db, opts: { delayMs?: number; chunk?: number } = {}) {
  const delayMs = opts.delayMs ?? 100;
  const chunk = opts.chunk ?? 500;
  const sqlite = db.$client;
  const head = sqlite.prepare("SELECT coalesce(max(id), 0) FROM audit_fts_docsize").pluck();
  const last = sqlite.prepare("SELECT coalesce(max(seq), 0) FROM audit_event").pluck();
  const pending = sqlite.prepare(
    "SELECT seq, action, actor_type AS actorType, actor_id AS actorId, request_id AS requestId, data FROM audit_event WHERE seq > ? ORDER BY seq LIMIT ?",
  );
  const submission = sqlite.prepare("SELECT data FROM audit_event WHERE request_id = ? AND action = 'request.submitted' ORDER BY seq LIMIT 1").pluck();
  const insert = sqlite.prepare("INSERT INTO audit_fts (rowid, body, facets) VALUES (?, ?, ?)");

  const parse = (text: string): JsonValue => {
    try {
      return JSON.parse(text) as JsonValue;
    } catch {
      return text;
    }
  };

  /** Indexes up to `max` events missing from the index; returns how many. Must run inside a write transaction. */
  function indexPending(max: number): number {
    const rows = pending.all(head.get(), max) as PendingRow[];
    for (const r of rows) {
      const data = parse(r.data);
      const sub = r.requestId !== null && DECISION_ACTIONS.includes(r.action) ? (submission.get(r.requestId) as string | undefined) : undefined;
      insert.run(r.seq, searchBody(r.action, data, sub === undefined ? null : parse(sub)), facetTokens(facetsOf({ ...r, data })));
    }
    return rows.length;
  }

  const step = sqlite.transaction((max: number) => indexPending(max));
  /** One transaction of up to `max` events, without waiting for the disk. */
  function indexChunk(max: number): number {
    const before = sqlite.pragma("synchronous", { simple: true }) as number;
    sqlite.pragma("synchronous = NORMAL");
    try {
      return step.immediate(max);
    } finally {
      sqlite.pragma(`synchronous = ${before}`);
    }
  }

  /** Events in the log but not in the index. */
  const backlog = (): number => (last.get() as number) - (head.get() as number);

  /** Indexes everything missing, in transactions of `size` events. */
  function indexBacklog(size = 5000, onProgress?: (done: number, total: number) => void): number {
    const total = backlog();
    let done = 0;
    while (done < total) {
      const n = indexChunk(size);
      if (n === 0) break;
      done += n;
      onProgress?.(done, total);
    }
    return done;
  }

  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const tick = () => {
    timer = null;
    try {
      // A full chunk means more is waiting: come back at once, after other work has had its turn.
      if (indexChunk(chunk) === chunk) schedule(0);
    } catch (e) {
      console.error("audit search index:", e);
    }
  };
  function schedule(ms: number): void {
    if (timer !== null || stopped) return;
    timer = setTimeout(tick, ms);
    timer.unref();
  }

  return {
    indexPending,
    indexBacklog,
    backlog,
    /** After a commit: index what it wrote, a little later and together with whatever follows. */
    soon: () => schedule(delayMs),
    /** Before a search: anything committed and not yet indexed is indexed now. */
    catchUp: () => (backlog() > 0 ? indexBacklog() : 0),
    stop: () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
    },
  };
}

export type AuditIndexer = ReturnType<typeof createAuditIndexer>;
