export type BenchOptions = {
  quick: boolean;
  /** Submit loops (scenario a). */
  concurrency: number;
  submitDurationMs: number;
  submitWarmupMs: number;
  /** Long-poll waiter counts (scenario b). */
  waiters: number[];
  sseStreams: number;
  pollingAgents: number;
  pollingIntervalMs: number;
  expiryRequests: number;
  /** Agents per surface in scenario h (native client, MCP); the HumanLayer SDK polls, so fewer. */
  surfaceAgents: number;
  humanLayerAgents: number;
  settleMs: (n: number) => number;
  decideConcurrency: number;
  /** Audit search at scale (scenario g): events generated; 0 skips it. */
  auditEvents: number;
  auditSamples: number;
  /** Only scenario g: no server is started, other results in --out are kept. */
  auditOnly: boolean;
  keepAuditDb: boolean;
  out: string;
};

const USAGE = `usage: npm run bench -- [--quick] [--concurrency=64] [--duration=10] [--decide-concurrency=1] [--audit-only] [--audit-events=1000000] [--keep-audit-db] [--out=bench/results/latest.json]`;

export function parseOptions(argv: readonly string[]): BenchOptions {
  const flags = new Map<string, string>();
  for (const a of argv) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m?.[1]) throw new Error(`unknown argument ${a}\n${USAGE}`);
    flags.set(m[1], m[2] ?? "true");
  }
  const known = new Set(["quick", "concurrency", "duration", "decide-concurrency", "audit-only", "audit-events", "keep-audit-db", "out", "help"]);
  for (const k of flags.keys()) if (!known.has(k)) throw new Error(`unknown flag --${k}\n${USAGE}`);
  if (flags.has("help")) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (name: string, dflt: number, min: number, max: number) => {
    const v = flags.get(name);
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer in [${min}, ${max}]`);
    return n;
  };
  const quick = flags.has("quick");
  return {
    quick,
    concurrency: int("concurrency", 64, 1, 1000),
    submitDurationMs: int("duration", quick ? 3 : 10, 1, 120) * 1000,
    submitWarmupMs: quick ? 500 : 1000,
    waiters: quick ? [100] : [100, 1000],
    sseStreams: 100,
    pollingAgents: 100,
    pollingIntervalMs: 3000,
    expiryRequests: quick ? 50 : 200,
    surfaceAgents: quick ? 50 : 100,
    humanLayerAgents: quick ? 20 : 50,
    settleMs: (n) => Math.max(500, n),
    decideConcurrency: int("decide-concurrency", 1, 1, 16),
    auditEvents: int("audit-events", quick ? 100_000 : 1_000_000, 0, 10_000_000),
    auditSamples: quick ? 50 : 200,
    auditOnly: flags.has("audit-only"),
    keepAuditDb: flags.has("keep-audit-db"),
    out: flags.get("out") ?? "bench/results/latest.json",
  };
}
