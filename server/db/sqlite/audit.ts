import { asc, eq, gt } from "drizzle-orm";
import { canonicalJson } from "../../domain/json/canonical";
import { GENESIS_HASH, hashAuditEvent } from "../../domain/audit/chain";
import { auditEvent, type AuditEventRow } from "../schema";
import type { AuditDraft } from "../store";
import type { AuditChainRow } from "../audit-search";
import type { Db } from "../client";
import type { Prepared } from "./statements";

/**
 * Appends events to the hash chain inside the caller's transaction. The head
 * is read inside the same BEGIN IMMEDIATE, so two processes appending at once
 * still form one chain.
 */
export function appendAuditSync(ps: Prepared, drafts: AuditDraft[], at: Date): void {
  if (drafts.length === 0) return;
  const head = ps.auditHead.get();
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  const atIso = at.toISOString();
  for (const d of drafts) {
    seq += 1;
    const body = { seq, at: atIso, actorType: d.actorType, actorId: d.actorId, action: d.action, requestId: d.requestId, data: d.data, prevHash };
    const hash = hashAuditEvent(body);
    ps.insertAudit({ ...body, data: canonicalJson(d.data), hash });
    prevHash = hash;
  }
}

/** The chained columns only: verifying or exporting a million events should not evaluate the search facets. */
const CHAIN_COLUMNS = {
  seq: auditEvent.seq,
  at: auditEvent.at,
  actorType: auditEvent.actorType,
  actorId: auditEvent.actorId,
  action: auditEvent.action,
  requestId: auditEvent.requestId,
  data: auditEvent.data,
  prevHash: auditEvent.prevHash,
  hash: auditEvent.hash,
};

export function auditPageSync(db: Db, afterSeq: number, limit: number): AuditChainRow[] {
  return db.select(CHAIN_COLUMNS).from(auditEvent).where(gt(auditEvent.seq, afterSeq)).orderBy(asc(auditEvent.seq)).limit(limit).all();
}

export function auditForRequestSync(db: Db, requestId: string): AuditEventRow[] {
  return db.select().from(auditEvent).where(eq(auditEvent.requestId, requestId)).orderBy(asc(auditEvent.seq)).all();
}
