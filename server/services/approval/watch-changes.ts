import type { ApprovalStatus } from "../../domain/approval/status";
import type { ServiceContext } from "../context";

export type RequestChange = { id: string; status: ApprovalStatus };

/** How often an open stream re-reads its user: a deactivated reviewer stops hearing changes within this. */
export const RECHECK_USER_MS = 30_000;

/** Whether the actor behind a long-lived stream is still an active user. */
export async function isUserStillActive(ctx: ServiceContext): Promise<boolean> {
  if (ctx.actor.type !== "user") return false;
  const u = await ctx.store.getUser(ctx.actor.userId);
  return u !== null && u.disabledAt === null;
}

/**
 * Every committed request change, as `{ id, status }`, until `signal` aborts
 * or the user is no longer active (then it ends with `"revoked"`). Changes
 * that arrive while the consumer is slow are coalesced per request (latest
 * status wins), so a stalled stream holds at most one entry per request
 * instead of an unbounded queue.
 */
export async function* watchRequestChanges({
  ctx,
  signal,
  recheckMs = RECHECK_USER_MS,
}: {
  ctx: ServiceContext;
  signal: AbortSignal | undefined;
  recheckMs?: number;
}): AsyncGenerator<RequestChange, "aborted" | "revoked"> {
  const pending = new Map<string, ApprovalStatus>();
  let wake: (() => void) | null = null;
  const ring = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const off = ctx.hub.onAny((a) => {
    pending.delete(a.request.id);
    pending.set(a.request.id, a.request.status);
    ring();
  });
  signal?.addEventListener("abort", ring);
  let checkedAt = Date.now();
  try {
    while (!signal?.aborted) {
      if (Date.now() - checkedAt >= recheckMs) {
        checkedAt = Date.now();
        if (!(await isUserStillActive(ctx))) return "revoked";
      }
      if (pending.size === 0) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(ring, Math.max(0, recheckMs - (Date.now() - checkedAt)));
        });
        clearTimeout(timer);
        continue;
      }
      const batch = [...pending];
      pending.clear();
      for (const [id, status] of batch) yield { id, status };
    }
    return "aborted";
  } finally {
    off();
    signal?.removeEventListener("abort", ring);
  }
}
