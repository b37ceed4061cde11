import { ChainVerifier, type ChainBreak } from "../../domain/audit/chain";
import type { JsonValue } from "../../domain/json/canonical";
import type { Store } from "../../db/store";

export type VerifyResult =
  | { ok: true; count: number; lastSeq: number | null; lastHash: string }
  | { ok: false; count: number; firstBroken: ChainBreak };

/** Walks the whole chain in pages and names the first broken link. */
export async function verifyAuditChain(store: Store, pageSize = 5000): Promise<VerifyResult> {
  const v = new ChainVerifier();
  let after = 0;
  for (;;) {
    const page = await store.auditPage(after, pageSize);
    for (const row of page) {
      const ok = v.push({ ...row, data: JSON.parse(row.data) as JsonValue });
      if (!ok) return v.result();
    }
    const last = page.at(-1);
    if (!last || page.length < pageSize) return v.result();
    after = last.seq;
  }
}
