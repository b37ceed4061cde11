import type { Db } from "./client";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

type Op<T> = { fn: (tx: Tx) => T; resolve: (v: T) => void; reject: (e: unknown) => void };

/**
 * Group commit. Writes queued in the same turn of the event loop share one
 * `BEGIN IMMEDIATE … COMMIT` (one fsync) and each runs in its own savepoint,
 * so one failing write rolls back alone. A write's promise settles only after
 * the commit that holds it, so nothing is acknowledged before it is on disk.
 */
export class GroupWriter {
  private queue: Op<unknown>[] = [];
  private scheduled = false;

  /** `afterCommit` is told after each committed batch (the audit search index catches up from it). */
  constructor(
    private readonly db: Db,
    private readonly maxBatch = 512,
    private readonly afterCommit: (() => void) | null = null,
  ) {}

  run<T>(fn: (tx: Tx) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve, reject } as Op<unknown>);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const batch = this.queue.splice(0, this.maxBatch);
    if (this.queue.length > 0) setImmediate(() => this.flush());
    else this.scheduled = false;
    if (batch.length === 0) return;

    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.db.transaction(
        (tx) => {
          for (const op of batch) {
            try {
              outcomes.push({ ok: true, value: tx.transaction((sp) => op.fn(sp)) });
            } catch (error) {
              outcomes.push({ ok: false, error });
            }
          }
        },
        { behavior: "immediate" },
      );
    } catch (error) {
      for (const op of batch) op.reject(error);
      return;
    }
    this.afterCommit?.();
    batch.forEach((op, i) => {
      const o = outcomes[i];
      if (o === undefined) op.reject(new Error("write lost from batch"));
      else if (o.ok) op.resolve(o.value);
      else op.reject(o.error);
    });
  }
}
