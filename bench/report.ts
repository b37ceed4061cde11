import { cpus, platform, release, totalmem, arch } from "node:os";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fmtMs } from "./stats";

export type Row = { scenario: string; metric: string; value: string; target: string; met: boolean | null };

export function machineInfo() {
  const c = cpus();
  return {
    cpuModel: c[0]?.model ?? "unknown",
    cpuCount: c.length,
    totalMemoryMiB: Math.round(totalmem() / 1024 / 1024),
    os: `${platform()} ${release()} ${arch()}`,
    node: process.version,
    date: new Date().toISOString(),
  };
}

/** A row comparing a latency (ms) with an upper-bound target. */
export const msRow = (scenario: string, metric: string, ms: number, targetMs?: number): Row => ({
  scenario,
  metric,
  value: fmtMs(ms),
  target: targetMs === undefined ? "" : `≤ ${fmtMs(targetMs)}`,
  met: targetMs === undefined || Number.isNaN(ms) ? null : ms <= targetMs,
});

export function printTable(rows: readonly Row[]): void {
  const head = ["scenario", "metric", "value", "target", ""];
  const cells = rows.map((r) => [r.scenario, r.metric, r.value, r.target, r.met === null ? "" : r.met ? "ok" : "MISSED"]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  const line = (c: readonly string[]) => c.map((x, i) => x.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  let last = "";
  for (const c of cells) {
    console.log(line(c[0] === last ? ["", ...c.slice(1)] : c));
    last = c[0] ?? "";
  }
}

export function writeJson(path: string, data: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
}
