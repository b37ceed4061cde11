import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteStore } from "../../server/db/sqlite";
import { createAuditIndexer } from "../../server/db/sqlite/audit-index";
import { createHub } from "../../server/runtime/hub";
import { DEFAULT_CONFIG, type ServiceContext } from "../../server/services/context";
import { searchAuditLog, listAuditFacets } from "../../server/services/audit/search";
import { getAuditStats } from "../../server/services/audit/stats";
import { verifyAuditChain } from "../../server/services/audit/verify";
import type { AuditSearchInput } from "../../server/services/audit/schemas";
import { AGENTS, RARE_WORD, TOOLS, generateAuditLog } from "../audit-data";
import { summarize, type Summary } from "../stats";

export type AuditQueryKind = "word" | "word + filters" | "filters only" | "rare word" | "next page (cursor)";
export type AuditSearchResult = {
  events: number;
  requests: number;
  generateSeconds: number;
  /** Of which: building the full-text index in one pass (the backfill path). */
  indexSeconds: number;
  eventsPerSecond: number;
  databaseMiB: number;
  /** Every search sample together, then by kind of query. */
  latencyMs: Summary;
  byKind: { kind: AuditQueryKind; latencyMs: Summary; meanItems: number }[];
  statsMs: Summary;
  facetsMs: Summary;
  edgeCases: { name: string; latencyMs: Summary; items: number }[];
  /** Walking and re-hashing the whole chain once. */
  verifySeconds: number;
};

const WORDS = ["checkout", "production", "migration", "payments", "legacy", "rollback", "delete", "customer", "stag", "ware"];
const OUTCOMES = ["approved", "denied", "expired", "cancelled", "succeeded", "failed"] as const;
const RISKS = ["low", "medium", "high", "critical"] as const;
const CHANNELS = ["web", "slack", "mcp", "api", "policy", "timeout"] as const;

/**
 * Audit search at scale: generates `events` audit events into a fresh SQLite
 * file, then times searches through the service layer (input parsing, query
 * sanitizing, SQL, presentation) — the same call the dashboard's tRPC query
 * makes, minus HTTP.
 */
export async function runAuditSearch(opts: { events: number; samplesPerKind: number; log: (line: string) => void; keepFile?: boolean }): Promise<AuditSearchResult> {
  const dir = mkdtempSync(join(tmpdir(), "countersign-audit-bench-"));
  const file = join(dir, "audit.db");
  const { db, store } = openSqliteStore(file);
  try {
    // Bulk load only: the bench file need not survive power loss while it is written.
    db.$client.pragma("synchronous = OFF");
    const t0 = performance.now();
    let lastLog = t0;
    const gen = generateAuditLog(db, {
      events: opts.events,
      days: 30,
      onProgress: (n) => {
        if (performance.now() - lastLog > 10_000) {
          lastLog = performance.now();
          opts.log(`   audit: ${n.toLocaleString("en")} events written…`);
        }
      },
    });
    const appendSeconds = (performance.now() - t0) / 1000;
    opts.log(`   audit: ${gen.events.toLocaleString("en")} events (${gen.requests.toLocaleString("en")} requests) appended in ${appendSeconds.toFixed(1)} s; indexing…`);
    // The same code that indexes a pre-existing log on the first start after the migration.
    const t1 = performance.now();
    createAuditIndexer(db).indexBacklog(20_000);
    const indexSeconds = (performance.now() - t1) / 1000;
    db.$client.pragma("synchronous = FULL");
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    const generateSeconds = (performance.now() - t0) / 1000;
    const databaseMiB = Math.round(statSync(file).size / 1024 / 1024);
    opts.log(`   audit: indexed in ${indexSeconds.toFixed(1)} s; ${databaseMiB} MiB in all`);

    const ctx: ServiceContext = {
      actor: { type: "user", userId: "bench-reviewer-0", email: "reviewer0@acme.example", role: "reviewer", channel: "web" },
      store,
      now: () => new Date(),
      hub: createHub(),
      config: DEFAULT_CONFIG,
    };
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const filters = (): Partial<AuditSearchInput> => {
      const f: Partial<AuditSearchInput> = {};
      const r = rand();
      if (r < 0.5) f.outcome = pick(OUTCOMES);
      if (rand() < 0.4) f.risk = pick(RISKS);
      if (rand() < 0.35) f.agent = pick(AGENTS);
      if (rand() < 0.2) f.channel = pick(CHANNELS);
      if (rand() < 0.15) f.reviewer = pick(gen.reviewerIds);
      if (rand() < 0.1) f.tool = pick(TOOLS);
      if (rand() < 0.3) {
        f.from = day(1 + Math.floor(rand() * 20));
        f.to = day(Math.floor(rand() * 1));
      }
      return Object.keys(f).length > 0 ? f : { outcome: "denied" };
    };
    const inputs: Record<Exclude<AuditQueryKind, "next page (cursor)">, () => AuditSearchInput> = {
      word: () => ({ q: pick(WORDS) }),
      "word + filters": () => ({ q: pick(WORDS), ...filters() }),
      "filters only": () => filters(),
      "rare word": () => ({ q: rand() < 0.5 ? RARE_WORD : `${RARE_WORD} production` }),
    };

    const timed = async (input: AuditSearchInput) => {
      const t = performance.now();
      const page = await searchAuditLog({ ctx, input });
      return { ms: performance.now() - t, page };
    };
    for (let i = 0; i < 20; i++) await timed(inputs.word()); // warm-up

    const all: number[] = [];
    const byKind: AuditSearchResult["byKind"] = [];
    for (const kind of Object.keys(inputs) as (keyof typeof inputs)[]) {
      const ms: number[] = [];
      let items = 0;
      for (let i = 0; i < opts.samplesPerKind; i++) {
        const r = await timed(inputs[kind]());
        ms.push(r.ms);
        items += r.page.items.length;
      }
      all.push(...ms);
      byKind.push({ kind, latencyMs: summarize(ms), meanItems: Math.round(items / ms.length) });
    }
    // Paging: follow a query's cursor five pages deep; time the pages after the first.
    {
      const ms: number[] = [];
      let items = 0;
      while (ms.length < opts.samplesPerKind) {
        const input = rand() < 0.5 ? inputs.word() : inputs["filters only"]();
        let page = (await timed(input)).page;
        for (let p = 0; p < 5 && page.nextCursor !== null && ms.length < opts.samplesPerKind; p++) {
          const r = await timed({ ...input, cursor: page.nextCursor });
          ms.push(r.ms);
          items += r.page.items.length;
          page = r.page;
        }
      }
      all.push(...ms);
      byKind.push({ kind: "next page (cursor)", latencyMs: summarize(ms), meanItems: Math.round(items / ms.length) });
    }
    // Edge cases, timed on their own (not in the mix): each is the slowest shape of its kind.
    const edge = async (name: string, input: AuditSearchInput) => {
      const ms: number[] = [];
      let items = 0;
      for (let i = 0; i < 5; i++) {
        const r = await timed(input);
        ms.push(r.ms);
        items = r.page.items.length;
      }
      edgeCases.push({ name, latencyMs: summarize(ms), items });
    };
    const edgeCases: AuditSearchResult["edgeCases"] = [];
    await edge("common word + filters that never meet (walks every match)", { q: "production", outcome: "expired", channel: "web" });
    await edge("common word, page near the oldest event (cursor 1 000)", { q: "production", cursor: 1000 });
    await edge("long prefix of a very common word", { q: "productio" });
    await edge("one day, 20 days back, no other filter", { from: day(20), to: day(20) });
    await edge("no filter at all (newest 50)", {});
    const statsMs: number[] = [];
    for (const days of [7, 14, 30, 14, 30]) {
      const t = performance.now();
      // A new store object each time would defeat the service's cache; time the query itself.
      await getAuditStats({ ctx: { ...ctx, store: { ...store } }, input: { days } });
      statsMs.push(performance.now() - t);
    }
    const facetsMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await listAuditFacets({ ctx });
      facetsMs.push(performance.now() - t);
    }
    // The chain indicator's first check in a process walks every event; later ones only what was appended.
    const tv = performance.now();
    const verified = await verifyAuditChain(store);
    const verifySeconds = (performance.now() - tv) / 1000;
    if (!verified.ok) throw new Error(`generated chain does not verify at ${verified.firstBroken.seq}`);
    opts.log(`   audit: full chain verification ${verifySeconds.toFixed(1)} s (${Math.round(verified.count / verifySeconds).toLocaleString("en")} events/s)`);
    return {
      verifySeconds: Math.round(verifySeconds * 10) / 10,
      events: gen.events,
      requests: gen.requests,
      generateSeconds: Math.round(generateSeconds * 10) / 10,
      indexSeconds: Math.round(indexSeconds * 10) / 10,
      eventsPerSecond: Math.round(gen.events / generateSeconds),
      databaseMiB,
      latencyMs: summarize(all),
      byKind,
      statsMs: summarize(statsMs),
      edgeCases,
      facetsMs: summarize(facetsMs),
    };
  } finally {
    store.close();
    if (!opts.keepFile) rmSync(dir, { recursive: true, force: true });
    else opts.log(`   audit: database kept at ${file}`);
  }
}
