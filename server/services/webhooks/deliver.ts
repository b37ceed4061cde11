import { nextRetryDelayMs, SIGNATURE_HEADER, signWebhook } from "../../domain/webhook/signature";
import type { OutboxRow } from "../../db/schema";
import type { ServiceContext } from "../context";
import { toAgentView } from "../approval/view";

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal; redirect: "manual" }) => Promise<{ status: number }>;

/**
 * Delivers due webhook rows from the outbox: a signed POST of the agent's
 * view of the decided request to its callbackUrl. Every attempt is audited;
 * failures are retried with backoff until the schedule runs out.
 */
export async function deliverDueWebhooks({ ctx, fetchFn, limit = 20 }: { ctx: ServiceContext; fetchFn: FetchLike; limit?: number }): Promise<number> {
  const rows = (await ctx.store.dueOutbox(ctx.now(), limit)).filter((r) => r.kind === "webhook");
  await Promise.all(rows.map((row) => deliverOne(ctx, fetchFn, row)));
  return rows.length;
}

async function deliverOne(ctx: ServiceContext, fetchFn: FetchLike, row: OutboxRow): Promise<void> {
  const a = row.requestId ? await ctx.store.getRequest(row.requestId) : null;
  const url = a?.request.callbackUrl;
  const key = a?.request.apiKeyId ? await ctx.store.getApiKey(a.request.apiKeyId) : null;
  let error: string | null = null;
  let status: number | null = null;
  if (!a || !url || !key) {
    error = "request, callbackUrl or submitting key no longer exists";
  } else {
    const body = JSON.stringify({ type: "request.decided", request: toAgentView(a, ctx.now(), ctx.config) });
    const signature = signWebhook(key.hash, Math.floor(ctx.now().getTime() / 1000), body);
    try {
      const res = await fetchFn(url, {
        method: "POST",
        headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signature, "user-agent": "Countersign-Webhook/1" },
        body,
        signal: AbortSignal.timeout(5_000),
        redirect: "manual",
      });
      status = res.status;
      if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
    } catch (e) {
      error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
  }
  const at = ctx.now();
  const delay = error === null ? null : !a || !url || !key ? null : nextRetryDelayMs(row.attempts);
  await ctx.store.markOutbox(row.id, {
    delivered: error === null,
    at,
    error,
    nextAttemptAt: delay === null ? null : new Date(at.getTime() + delay),
    audit: [
      {
        actorType: "system",
        actorId: "webhook",
        action: error === null ? "webhook.delivered" : delay === null ? "webhook.gave_up" : "webhook.failed",
        requestId: row.requestId,
        data: { url: url ?? null, attempt: row.attempts + 1, status, error },
      },
    ],
  });
}
