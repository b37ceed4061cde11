import { describe, expect, it } from "vitest";
import { ChainVerifier, GENESIS_HASH, hashAuditEvent, type AuditEventBody, type ChainBreak } from "./chain";

type Row = AuditEventBody & { hash: string };

function at(rows: Row[], i: number): Row {
  const row = rows[i];
  if (row === undefined) throw new Error(`no row ${i}`);
  return row;
}

/** A well-formed chain of n events, seq 1..n, built the way the store builds it. */
function buildChain(n: number, startSeq = 1, prevHash = GENESIS_HASH): Row[] {
  const rows: Row[] = [];
  let prev = prevHash;
  for (let i = 0; i < n; i++) {
    const body: AuditEventBody = {
      seq: startSeq + i,
      at: new Date(Date.UTC(2030, 0, 1, 0, 0, i)).toISOString(),
      actorType: i % 2 === 0 ? "agent" : "user",
      actorId: `actor-${i}`,
      action: i === 0 ? "request.submitted" : "request.approved",
      requestId: i === 3 ? null : `req-${i}`,
      data: { i, nested: { list: [i, "x"] } },
      prevHash: prev,
    };
    const hash = hashAuditEvent(body);
    rows.push({ ...body, hash });
    prev = hash;
  }
  return rows;
}

function verify(rows: Row[], start?: { prevHash: string; afterSeq: number | null }) {
  const v = new ChainVerifier(start);
  const pushed = rows.map((r) => v.push(r));
  return { result: v.result(), pushed };
}

/** Recompute a row's hash after editing it, as a forger with write access would. */
function rehash(row: Row): Row {
  const { hash: _old, ...body } = row;
  return { ...body, hash: hashAuditEvent(body) };
}

describe("hashAuditEvent", () => {
  const base = at(buildChain(1), 0);
  const { hash: _h, ...body } = base;

  it("is 64 hex characters and deterministic", () => {
    expect(hashAuditEvent(body)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashAuditEvent({ ...body })).toBe(base.hash);
  });

  it("does not depend on key order in data", () => {
    expect(hashAuditEvent({ ...body, data: { b: 1, a: 2 } })).toBe(hashAuditEvent({ ...body, data: { a: 2, b: 1 } }));
  });

  it.each<[string, Partial<AuditEventBody>]>([
    ["seq", { seq: 2 }],
    ["at", { at: "2031-01-01T00:00:00.000Z" }],
    ["actorType", { actorType: "system" }],
    ["actorId", { actorId: "other" }],
    ["action", { action: "request.denied" }],
    ["requestId", { requestId: null }],
    ["data", { data: { i: 0, nested: { list: [0, "y"] } } }],
    ["prevHash", { prevHash: "f".repeat(64) }],
  ])("changes when %s changes", (_field, patch) => {
    expect(hashAuditEvent({ ...body, ...patch })).not.toBe(base.hash);
  });
});

describe("ChainVerifier", () => {
  it.each([0, 1, 2, 10, 100])("accepts an intact chain of %i events", (n) => {
    const rows = buildChain(n);
    const { result, pushed } = verify(rows);
    expect(pushed.every(Boolean)).toBe(true);
    expect(result).toEqual({ ok: true, count: n, lastSeq: n === 0 ? null : n, lastHash: n === 0 ? GENESIS_HASH : at(rows, n - 1).hash });
  });

  it("resumes from a checkpoint", () => {
    const rows = buildChain(10);
    const { result } = verify(rows.slice(5), { prevHash: at(rows, 4).hash, afterSeq: 5 });
    expect(result).toEqual({ ok: true, count: 5, lastSeq: 10, lastHash: at(rows, 9).hash });
  });

  it("a checkpoint followed by a skipped row is a seq gap", () => {
    const rows = buildChain(10);
    expect(verify(rows.slice(6), { prevHash: at(rows, 4).hash, afterSeq: 5 }).result).toEqual({ ok: false, count: 0, firstBroken: { seq: 7, reason: "seq_gap" } });
  });

  type Tamper = { name: string; edit: (rows: Row[]) => Row[]; broken: ChainBreak; count: number };
  const N = 8;
  const tampers: Tamper[] = [
    { name: "data edited", edit: (r) => r.map((x) => (x.seq === 4 ? { ...x, data: { i: 999 } } : x)), broken: { seq: 4, reason: "hash_mismatch" }, count: 3 },
    { name: "actor edited", edit: (r) => r.map((x) => (x.seq === 2 ? { ...x, actorId: "mallory" } : x)), broken: { seq: 2, reason: "hash_mismatch" }, count: 1 },
    { name: "stored hash edited", edit: (r) => r.map((x) => (x.seq === 5 ? { ...x, hash: "0".repeat(64) } : x)), broken: { seq: 5, reason: "hash_mismatch" }, count: 4 },
    {
      name: "data edited and that row re-hashed",
      edit: (r) => r.map((x) => (x.seq === 4 ? rehash({ ...x, data: { i: 999 } }) : x)),
      broken: { seq: 5, reason: "prev_hash_mismatch" },
      count: 4,
    },
    { name: "prevHash edited", edit: (r) => r.map((x) => (x.seq === 6 ? { ...x, prevHash: "a".repeat(64) } : x)), broken: { seq: 6, reason: "prev_hash_mismatch" }, count: 5 },
    { name: "first event does not start at genesis", edit: (r) => r.map((x) => (x.seq === 1 ? rehash({ ...x, prevHash: "1".repeat(64) }) : x)), broken: { seq: 1, reason: "prev_hash_mismatch" }, count: 0 },
    { name: "middle event deleted", edit: (r) => r.filter((x) => x.seq !== 4), broken: { seq: 5, reason: "seq_gap" }, count: 3 },
    { name: "first event deleted", edit: (r) => r.slice(1), broken: { seq: 2, reason: "prev_hash_mismatch" }, count: 0 },
    {
      name: "middle event deleted and later seqs renumbered",
      edit: (r) => r.filter((x) => x.seq !== 4).map((x) => (x.seq > 4 ? { ...x, seq: x.seq - 1 } : x)),
      broken: { seq: 4, reason: "prev_hash_mismatch" },
      count: 3,
    },
    { name: "two events swapped", edit: (r) => [at(r, 0), at(r, 2), at(r, 1), ...r.slice(3)], broken: { seq: 3, reason: "seq_gap" }, count: 1 },
    {
      name: "two events swapped with seqs swapped back",
      edit: (r) => [at(r, 0), { ...at(r, 2), seq: 2 }, { ...at(r, 1), seq: 3 }, ...r.slice(3)],
      broken: { seq: 2, reason: "prev_hash_mismatch" },
      count: 1,
    },
    { name: "event duplicated", edit: (r) => [...r.slice(0, 3), at(r, 2), ...r.slice(3)], broken: { seq: 3, reason: "seq_gap" }, count: 3 },
  ];

  it.each(tampers)("detects $name at seq $broken.seq ($broken.reason)", ({ edit, broken, count }) => {
    const { result, pushed } = verify(edit(buildChain(N)));
    expect(result).toEqual({ ok: false, count, firstBroken: broken });
    expect(pushed.slice(0, count).every(Boolean)).toBe(true);
    expect(pushed.slice(count).some(Boolean)).toBe(false);
  });

  it("keeps reporting the first break after later valid-looking rows", () => {
    const rows = buildChain(6);
    const v = new ChainVerifier();
    v.push(at(rows, 0));
    expect(v.push({ ...at(rows, 1), data: "forged" })).toBe(false);
    expect(v.push(at(rows, 2))).toBe(false);
    expect(v.result()).toEqual({ ok: false, count: 1, firstBroken: { seq: 2, reason: "hash_mismatch" } });
  });
});
