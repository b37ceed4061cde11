import { ChainVerifier, GENESIS_HASH, type ChainBreak } from "../../domain/audit/chain";
import type { JsonValue } from "../../domain/json/canonical";
import type { Store } from "../../db/store";

export type VerifyResult =
  | { ok: true; count: number; lastSeq: number | null; lastHash: string }
  | { ok: false; count: number; firstBroken: ChainBreak };

/** Lets other work run between pages: verifying a million events must not stall agents waiting on this process. */
const yieldToEventLoop = () => new Promise<void>((r) => setImmediate(r));

async function verifyFrom(store: Store, start: { prevHash: string; afterSeq: number | null }, pageSize: number): Promise<VerifyResult> {
  const v = new ChainVerifier(start);
  let after = start.afterSeq ?? 0;
  for (;;) {
    const page = await store.auditPage(after, pageSize);
    for (const row of page) {
      const ok = v.push({ ...row, data: JSON.parse(row.data) as JsonValue });
      if (!ok) return v.result();
    }
    const last = page.at(-1);
    if (!last || page.length < pageSize) return v.result();
    after = last.seq;
    await yieldToEventLoop();
  }
}

/** Walks the whole chain in pages and names the first broken link. */
export async function verifyAuditChain(store: Store, pageSize = 5000): Promise<VerifyResult> {
  return verifyFrom(store, { prevHash: GENESIS_HASH, afterSeq: null }, pageSize);
}

export type CachedVerifyResult = VerifyResult & {
  /** True when only the events after the last verified head were hashed this time. */
  incremental: boolean;
  verifiedAt: string;
};

type Head = { seq: number; hash: string; count: number };
const heads = new WeakMap<Store, Head>();
const running = new WeakMap<Store, Promise<CachedVerifyResult>>();

/**
 * For the dashboard: verifies only what was appended since the last
 * successful verification in this process, continuing the chain from the
 * hash it ended on; `full` starts again from the first event. The verified
 * head is kept in memory only, so a restart verifies everything once.
 * Concurrent callers share one walk.
 */
export function verifyAuditChainCached(store: Store, opts: { full?: boolean; now: () => Date }): Promise<CachedVerifyResult> {
  const inFlight = running.get(store);
  if (inFlight) return inFlight;
  const run = (async (): Promise<CachedVerifyResult> => {
    const head = opts.full ? undefined : heads.get(store);
    const start = head ? { prevHash: head.hash, afterSeq: head.seq } : { prevHash: GENESIS_HASH, afterSeq: null };
    // Small pages: the walk yields between them, so agents never wait behind more than a few ms of hashing.
    const r = await verifyFrom(store, start, 1000);
    const verifiedAt = opts.now().toISOString();
    const before = head?.count ?? 0;
    if (!r.ok) {
      heads.delete(store);
      return { ...r, count: before + r.count, incremental: head !== undefined, verifiedAt };
    }
    const lastSeq = r.lastSeq ?? head?.seq ?? null;
    if (lastSeq !== null) heads.set(store, { seq: lastSeq, hash: r.lastHash, count: before + r.count });
    return { ...r, count: before + r.count, lastSeq, incremental: head !== undefined, verifiedAt };
  })().finally(() => running.delete(store));
  running.set(store, run);
  return run;
}
