import { canonicalJson, sha256Hex, type JsonValue } from "../json/canonical";

export const GENESIS_HASH = "0".repeat(64);

export const ACTOR_TYPES = ["agent", "user", "system"] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** What is hashed: everything in the row but the hash itself. */
export type AuditEventBody = {
  seq: number;
  at: string;
  actorType: ActorType;
  actorId: string;
  action: string;
  requestId: string | null;
  data: JsonValue;
  prevHash: string;
};

export function hashAuditEvent(body: AuditEventBody): string {
  return sha256Hex(body.prevHash + canonicalJson(body));
}

export type ChainBreak = { seq: number; reason: "prev_hash_mismatch" | "hash_mismatch" | "seq_gap" };

/**
 * Streams through the chain in `seq` order. Feed rows with `push`; the first
 * broken link is remembered and reported by `result`.
 */
export class ChainVerifier {
  private expectedPrev: string;
  private lastSeq: number | null;
  private count = 0;
  private broken: ChainBreak | null = null;

  constructor(start: { prevHash: string; afterSeq: number | null } = { prevHash: GENESIS_HASH, afterSeq: null }) {
    this.expectedPrev = start.prevHash;
    this.lastSeq = start.afterSeq;
  }

  push(row: AuditEventBody & { hash: string }): boolean {
    if (this.broken) return false;
    if (this.lastSeq !== null && row.seq !== this.lastSeq + 1) {
      this.broken = { seq: row.seq, reason: "seq_gap" };
      return false;
    }
    if (row.prevHash !== this.expectedPrev) {
      this.broken = { seq: row.seq, reason: "prev_hash_mismatch" };
      return false;
    }
    const { hash, ...body } = row;
    if (hashAuditEvent(body) !== hash) {
      this.broken = { seq: row.seq, reason: "hash_mismatch" };
      return false;
    }
    this.expectedPrev = hash;
    this.lastSeq = row.seq;
    this.count++;
    return true;
  }

  result(): { ok: true; count: number; lastSeq: number | null; lastHash: string } | { ok: false; count: number; firstBroken: ChainBreak } {
    if (this.broken) return { ok: false, count: this.count, firstBroken: this.broken };
    return { ok: true, count: this.count, lastSeq: this.lastSeq, lastHash: this.expectedPrev };
  }
}
