import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { BenchOptions } from "./options";
import { fmtMs } from "./stats";
import { machineInfo, msRow, printTable, writeJson, type Row } from "./report";
import { runAuditSearch, type AuditSearchResult } from "./scenarios/audit-search";

export const AUDIT_SEARCH_P95_TARGET_MS = 100;

/** Scenario g: audit search over a generated log. Adds its rows to `rows`. */
export async function runAuditScenario(opts: BenchOptions, log: (line: string) => void, rows: Row[]): Promise<AuditSearchResult> {
  log(`g. audit search: generating ${opts.auditEvents.toLocaleString("en")} audit events…`);
  const r = await runAuditSearch({ events: opts.auditEvents, samplesPerKind: opts.auditSamples, log, keepFile: opts.keepAuditDb });
  const n = `${Math.round(r.events / 1000).toLocaleString("en")}k`;
  const sc = `g. audit search (${n} events)`;
  log(`g. audit search over ${r.events.toLocaleString("en")} events: p50 ${fmtMs(r.latencyMs.p50)}, p95 ${fmtMs(r.latencyMs.p95)}, p99 ${fmtMs(r.latencyMs.p99)} (${r.latencyMs.count} searches); generated at ${r.eventsPerSecond.toLocaleString("en")} events/s`);
  for (const k of r.byKind) log(`   ${k.kind.padEnd(20)} p50 ${fmtMs(k.latencyMs.p50)}, p95 ${fmtMs(k.latencyMs.p95)}, p99 ${fmtMs(k.latencyMs.p99)}, max ${fmtMs(k.latencyMs.max)} (≈${k.meanItems} results)`);
  rows.push(msRow(sc, "search p50 (all kinds)", r.latencyMs.p50));
  rows.push(msRow(sc, "search p95 (all kinds)", r.latencyMs.p95, AUDIT_SEARCH_P95_TARGET_MS));
  rows.push(msRow(sc, "search p99 (all kinds)", r.latencyMs.p99));
  for (const k of r.byKind) rows.push(msRow(sc, `${k.kind} p95`, k.latencyMs.p95, AUDIT_SEARCH_P95_TARGET_MS));
  for (const e of r.edgeCases) log(`   edge: ${e.name}: max ${fmtMs(e.latencyMs.max)} (${e.items} results)`);
  rows.push(msRow(sc, "stats (7–30 days) p50", r.statsMs.p50));
  rows.push(msRow(sc, "filter menus (facets) p50", r.facetsMs.p50));
  rows.push({ scenario: sc, metric: "full chain verification", value: `${r.verifySeconds} s`, target: "", met: null });
  rows.push({ scenario: sc, metric: "generation", value: `${r.generateSeconds} s (${r.databaseMiB} MiB)`, target: "", met: null });
  return r;
}

/** `--audit-only`: run scenario g alone and update its key in the results file, keeping the other scenarios' figures. */
export async function runAuditOnly(opts: BenchOptions, log: (line: string) => void): Promise<void> {
  const rows: Row[] = [];
  const r = await runAuditScenario(opts, log, rows);
  console.log("");
  printTable(rows);
  const out = resolve(opts.out);
  const previous = existsSync(out) ? (JSON.parse(readFileSync(out, "utf8")) as { results?: Record<string, unknown>; targets?: Record<string, unknown> }) : {};
  writeJson(out, {
    ...previous,
    targets: { ...previous.targets, auditSearchP95Ms: AUDIT_SEARCH_P95_TARGET_MS },
    results: { ...previous.results, auditSearch: { ...r, machine: machineInfo(), options: { events: opts.auditEvents, samplesPerKind: opts.auditSamples } } },
  });
  console.log(`\nresults written to ${out} (key results.auditSearch)`);
}
