import { decide, type BenchContext } from "../context";

/** Per decision: when the agent heard it, relative to the decide call's send time and to its answer. */
export function matchLatencies(heardAt: readonly number[], d: { sentAt: readonly number[]; answeredAt: readonly number[] }): { fromSend: number[]; fromAnswer: number[] } {
  const fromSend: number[] = [];
  const fromAnswer: number[] = [];
  heardAt.forEach((t1, i) => {
    const t0 = d.sentAt[i] ?? Number.NaN;
    const t2 = d.answeredAt[i] ?? Number.NaN;
    if (Number.isNaN(t1)) return;
    if (!Number.isNaN(t0)) fromSend.push(t1 - t0);
    if (!Number.isNaN(t2)) fromAnswer.push(t1 - t2);
  });
  return { fromSend, fromAnswer };
}

/**
 * The reviewer decides `ids` one after another (`concurrency` at a time),
 * recording for each the moment its decide call was sent (performance.now()).
 */
export async function decideAll(ctx: BenchContext, ids: readonly string[], concurrency = 1): Promise<{ sentAt: number[]; answeredAt: number[]; rttMs: number[]; errors: number; firstError: string | null }> {
  const sentAt: number[] = new Array<number>(ids.length).fill(Number.NaN);
  const answeredAt: number[] = new Array<number>(ids.length).fill(Number.NaN);
  const rttMs: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const i = next++;
      const t0 = performance.now();
      sentAt[i] = t0;
      try {
        await decide(ctx, ids[i] as string);
        answeredAt[i] = performance.now();
        rttMs.push(answeredAt[i] - t0);
      } catch (e) {
        errors++;
        firstError ??= e instanceof Error ? e.message : String(e);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return { sentAt, answeredAt, rttMs, errors, firstError };
}
