export type Summary = { count: number; mean: number; p50: number; p90: number; p95: number; p99: number; min: number; max: number };

/** Nearest-rank percentile of an ascending array (q in [0, 1]). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

/** Count, mean and percentiles of samples (milliseconds in, milliseconds out, rounded to 0.01). */
export function summarize(samples: readonly number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 100) / 100;
  const mean = s.length ? s.reduce((a, b) => a + b, 0) / s.length : Number.NaN;
  return {
    count: s.length,
    mean: r(mean),
    p50: r(percentile(s, 0.5)),
    p90: r(percentile(s, 0.9)),
    p95: r(percentile(s, 0.95)),
    p99: r(percentile(s, 0.99)),
    min: r(s[0] ?? Number.NaN),
    max: r(s[s.length - 1] ?? Number.NaN),
  };
}

export const fmtMs = (ms: number) => (Number.isNaN(ms) ? "n/a" : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`);

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Runs `fn` over `items` with at most `limit` in flight; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** A time bound for Promise.race that does not keep the process alive. */
export const bound = (ms: number) =>
  new Promise<void>((r) => {
    setTimeout(r, ms).unref();
  });
