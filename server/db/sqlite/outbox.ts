import { and, asc, eq, isNull, lte } from "drizzle-orm";
import { outbox, type OutboxRow } from "../schema";
import type { AuditDraft } from "../store";
import type { Db } from "../client";
import type { Tx } from "../writer";
import { appendAuditSync } from "./audit";
import type { Prepared } from "./statements";

export function dueOutboxSync(db: Db, now: Date, limit: number): OutboxRow[] {
  return db
    .select()
    .from(outbox)
    .where(and(isNull(outbox.deliveredAt), isNull(outbox.failedAt), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(limit)
    .all();
}

export function markOutboxSync(
  tx: Tx,
  ps: Prepared,
  id: number,
  r: { delivered: boolean; at: Date; error: string | null; nextAttemptAt: Date | null; audit: AuditDraft[] },
): void {
  const row = tx.select({ attempts: outbox.attempts }).from(outbox).where(eq(outbox.id, id)).get();
  if (!row) return;
  tx.update(outbox)
    .set({
      attempts: row.attempts + 1,
      deliveredAt: r.delivered ? r.at : null,
      failedAt: !r.delivered && r.nextAttemptAt === null ? r.at : null,
      nextAttemptAt: r.nextAttemptAt ?? r.at,
      lastError: r.error,
    })
    .where(eq(outbox.id, id))
    .run();
  appendAuditSync(ps, r.audit, r.at);
}
