import { effectiveStatus } from "../../domain/approval/status";
import type { RequestAggregate } from "../../db/store";
import type { ServiceContext } from "../context";
import { waitInputSchema, type WaitInput } from "./schemas";
import { loadOwnRequest } from "./get";
import { toAgentView, type AgentRequestView } from "./view";

/**
 * How long past the deadline a waiter waits for the scheduler's word before
 * reading for itself. Short: a past-due request already reads as expired and
 * no decision can land after the deadline, so answering from the read is safe.
 */
export const DEADLINE_GRACE_MS = 2;

/**
 * Resolves with the first change to request `id` after the call, or with
 * null at `timeoutMs` / when `signal` aborts. Subscribes before the caller
 * reads, so a change between the read and the subscription is not missed.
 */
export function nextChange(ctx: ServiceContext, id: string, timeoutMs: number, signal?: AbortSignal): { promise: Promise<RequestAggregate | null>; cancel: () => void } {
  let cancel = () => {};
  const promise = new Promise<RequestAggregate | null>((resolve) => {
    const done = (a: RequestAggregate | null) => {
      cancel();
      resolve(a);
    };
    const unsubscribe = ctx.hub.onRequest(id, (a) => done(a));
    const timer = setTimeout(() => done(null), timeoutMs);
    const onAbort = () => done(null);
    signal?.addEventListener("abort", onAbort, { once: true });
    cancel = () => {
      unsubscribe();
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    };
  });
  return { promise, cancel };
}

/**
 * Long-poll: answers the moment the request leaves `pending` (decided,
 * expired or cancelled), or with the still-pending request after `timeoutMs`.
 */
export async function waitForRequest({ ctx, input, signal }: { ctx: ServiceContext; input: WaitInput; signal?: AbortSignal }): Promise<AgentRequestView> {
  const { id, timeoutMs } = waitInputSchema.parse(input);
  const first = await loadOwnRequest(ctx, id);
  const now = ctx.now();
  if (effectiveStatus(first.request, now) !== "pending" || timeoutMs === 0) return toAgentView(first, now, ctx.config);

  const untilDeadline = first.request.expiresAt.getTime() - now.getTime() + DEADLINE_GRACE_MS;
  const change = nextChange(ctx, id, Math.min(timeoutMs, Math.max(0, untilDeadline)), signal);
  // Re-read after subscribing: a decision committed meanwhile is then seen either way.
  const again = await loadOwnRequest(ctx, id);
  if (again.request.status !== "pending") {
    change.cancel();
    return toAgentView(again, ctx.now(), ctx.config);
  }
  const changed = await change.promise;
  if (changed) return toAgentView(changed, ctx.now(), ctx.config);
  // Timed out, or the deadline passed without the scheduler's word: read for
  // ourselves; a past-due request reads as expired either way.
  return toAgentView(await loadOwnRequest(ctx, id), ctx.now(), ctx.config);
}
