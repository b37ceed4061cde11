import type { ServiceContext } from "../context";
import { newId } from "./tokens";

/**
 * Default deny: every pending request whose deadline has come is expired by
 * one conditional write. Safe to run any number of times, from any number of
 * places; a request already decided is simply not matched.
 */
export async function expireDueRequests({ ctx }: { ctx: ServiceContext }): Promise<{ expired: string[] }> {
  const now = ctx.now();
  // Names for the audit events, which are built inside the write transaction.
  const agentNames = new Map((await ctx.store.listAgents()).map((a) => [a.id, a.name]));
  const rows = await ctx.store.expireDue(
    now,
    (r) => [
      {
        actorType: "system",
        actorId: "deadline",
        action: "request.expired",
        requestId: r.id,
        data: {
          reason: "no decision before the deadline (default deny)",
          expiresAt: r.expiresAt.toISOString(),
          lateMs: now.getTime() - r.expiresAt.getTime(),
          channel: "timeout",
          tool: r.tool,
          agent: agentNames.get(r.agentId) ?? r.agentId,
          risk: r.risk,
          waitedMs: now.getTime() - r.createdAt.getTime(),
        },
      },
    ],
    () => ({
      id: newId(),
      outcome: "expired",
      actorType: "system",
      actorId: "deadline",
      actorLabel: "system:deadline",
      channel: "timeout",
      comment: "no decision before the deadline (default deny)",
      modified: false,
      finalArguments: null,
      createdAt: now,
    }),
  );
  for (const a of rows) ctx.hub.requestChanged(a);
  return { expired: rows.map((a) => a.request.id) };
}
