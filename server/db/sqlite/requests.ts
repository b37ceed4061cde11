import { and, asc, desc, eq, gt, isNull, lt, lte, min, or, sql, type SQL } from "drizzle-orm";
import { actionRequest, decision, executionClaim, outbox, type ActionRequestRow } from "../schema";
import type { ClaimWrite, DecideWrite, InsertRequestResult, ListRequestsFilter, NewDecision, RequestAggregate, AuditDraft } from "../store";
import type { Outcome } from "../../domain/approval/execution";
import type { Db } from "../client";
import type { Tx } from "../writer";
import type { Prepared } from "./statements";
import { appendAuditSync } from "./audit";

export function getRequestSync(ps: Prepared, id: string): RequestAggregate | null {
  return ps.getRequest.get({ id }) ?? null;
}

export function findRequestByIdempotencyKeySync(ps: Prepared, agentId: string, key: string): RequestAggregate | null {
  const found = ps.idempotent.get({ agentId, key });
  return found ? getRequestSync(ps, found.id) : null;
}

export function listRequestsSync(db: Db, f: ListRequestsFilter): RequestAggregate[] {
  const conds: (SQL | undefined)[] = [];
  if (f.status) conds.push(eq(actionRequest.status, f.status));
  if (f.agentId) conds.push(eq(actionRequest.agentId, f.agentId));
  if (f.risk) conds.push(eq(actionRequest.risk, f.risk));
  // instr, not LIKE: the needle is the reviewer's text and must not act as a pattern.
  if (f.toolContains) conds.push(sql`instr(lower(${actionRequest.tool}), ${f.toolContains.toLowerCase()}) > 0`);
  if (f.expiresAfter) conds.push(gt(actionRequest.expiresAt, f.expiresAfter));
  const byDeadline = f.order === "deadline";
  if (byDeadline && f.deadlineCursor) {
    const c = f.deadlineCursor;
    conds.push(or(gt(actionRequest.expiresAt, c.expiresAt), and(eq(actionRequest.expiresAt, c.expiresAt), gt(actionRequest.id, c.id))));
  } else if (!byDeadline && f.cursor) {
    conds.push(lt(actionRequest.id, f.cursor));
  }
  return db
    .select({ request: actionRequest, decision, claim: executionClaim })
    .from(actionRequest)
    .leftJoin(decision, eq(decision.requestId, actionRequest.id))
    .leftJoin(executionClaim, eq(executionClaim.requestId, actionRequest.id))
    .where(conds.length > 0 ? and(...conds) : undefined)
    .orderBy(...(byDeadline ? [asc(actionRequest.expiresAt), asc(actionRequest.id)] : [desc(actionRequest.id)]))
    .limit(f.limit)
    .all();
}

/** Insert, or hand back the earlier request for a repeated idempotency key. */
export function insertRequestSync(ps: Prepared, row: ActionRequestRow, dec: NewDecision | null, audit: AuditDraft[]): InsertRequestResult {
  if (row.idempotencyKey !== null) {
    const prior = ps.idempotent.get({ agentId: row.agentId, key: row.idempotencyKey });
    if (prior) {
      if (prior.bodyHash !== row.bodyHash) return { kind: "idempotency_conflict", existingId: prior.id };
      const aggregate = getRequestSync(ps, prior.id);
      if (aggregate) return { kind: "existing", aggregate };
    }
  }
  ps.insertRequest(row);
  const decisionRow = dec ? { ...dec, requestId: row.id } : null;
  if (decisionRow) ps.insertDecision(decisionRow);
  appendAuditSync(ps, audit, row.createdAt);
  // What was just written is the aggregate; no need to read it back.
  return { kind: "created", aggregate: { request: row, decision: decisionRow, claim: null } };
}

export function decideSync(tx: Tx, ps: Prepared, id: string, w: DecideWrite): RequestAggregate | null {
  const conds = [eq(actionRequest.id, id), eq(actionRequest.status, "pending")];
  if (w.requireBefore) conds.push(gt(actionRequest.expiresAt, w.requireBefore));
  const updated = tx
    .update(actionRequest)
    .set({
      status: w.to,
      decidedAt: w.at,
      finalArguments: w.finalArguments ?? null,
      finalArgsHash: w.finalArgsHash ?? null,
      executionToken: w.executionToken ?? null,
      tokenExpiresAt: w.tokenExpiresAt ?? null,
    })
    .where(and(...conds))
    .returning({ id: actionRequest.id })
    .get();
  if (!updated) return null;
  ps.insertDecision({ ...w.decision, requestId: id });
  for (const o of w.outbox ?? []) {
    tx.insert(outbox).values({ kind: o.kind, requestId: id, payload: o.payload, createdAt: w.at, nextAttemptAt: w.at }).run();
  }
  appendAuditSync(ps, w.audit, w.at);
  return getRequestSync(ps, id);
}

export function expireDueSync(
  tx: Tx,
  ps: Prepared,
  now: Date,
  audit: (r: ActionRequestRow) => AuditDraft[],
  dec: (r: ActionRequestRow) => NewDecision,
): RequestAggregate[] {
  const rows = tx
    .update(actionRequest)
    .set({ status: "expired", decidedAt: now })
    .where(and(eq(actionRequest.status, "pending"), lte(actionRequest.expiresAt, now)))
    .returning()
    .all();
  const out: RequestAggregate[] = [];
  for (const r of rows) {
    const d = { ...dec(r), requestId: r.id };
    ps.insertDecision(d);
    if (r.callbackUrl) {
      tx.insert(outbox).values({ kind: "webhook", requestId: r.id, payload: { requestId: r.id }, createdAt: now, nextAttemptAt: now }).run();
    }
    appendAuditSync(ps, audit(r), now);
    out.push({ request: r, decision: d, claim: null });
  }
  return out;
}

export function nextDeadlineSync(db: Db): Date | null {
  const row = db.select({ next: min(actionRequest.expiresAt) }).from(actionRequest).where(eq(actionRequest.status, "pending")).get();
  return row?.next ?? null;
}

export function claimSync(tx: Tx, ps: Prepared, id: string, w: ClaimWrite): RequestAggregate | null {
  const updated = tx
    .update(actionRequest)
    .set({ executionStatus: "claimed" })
    .where(
      and(
        eq(actionRequest.id, id),
        eq(actionRequest.status, "approved"),
        isNull(actionRequest.executionStatus),
        eq(actionRequest.executionToken, w.executionToken),
      ),
    )
    .returning({ id: actionRequest.id })
    .get();
  if (!updated) return null;
  tx.insert(executionClaim)
    .values({
      requestId: id,
      claimedAt: w.at,
      executedArguments: w.executedArguments,
      executedArgsHash: w.executedArgsHash,
      reportedVersion: w.reportedVersion,
    })
    .run();
  appendAuditSync(ps, w.audit, w.at);
  return getRequestSync(ps, id);
}

export function reportOutcomeSync(
  tx: Tx,
  ps: Prepared,
  id: string,
  w: { at: Date; outcome: Outcome; detail: string | null; audit: AuditDraft[] },
): RequestAggregate | null {
  const updated = tx
    .update(actionRequest)
    .set({ executionStatus: w.outcome })
    .where(and(eq(actionRequest.id, id), eq(actionRequest.executionStatus, "claimed")))
    .returning({ id: actionRequest.id })
    .get();
  if (!updated) return null;
  tx.update(executionClaim).set({ outcome: w.outcome, detail: w.detail, completedAt: w.at }).where(eq(executionClaim.requestId, id)).run();
  appendAuditSync(ps, w.audit, w.at);
  return getRequestSync(ps, id);
}
