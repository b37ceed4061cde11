import { transition } from "../../domain/approval/status";
import { actorId, actorLabel, type ServiceContext } from "../context";
import { cancelInputSchema, type CancelInput } from "./schemas";
import { loadOwnRequest } from "./get";
import { alreadyDecided } from "./already-decided";
import { toAgentView, type AgentRequestView } from "./view";
import { newId } from "./tokens";

/** The agent withdraws its own pending request. */
export async function cancelRequest({ ctx, input }: { ctx: ServiceContext; input: CancelInput }): Promise<AgentRequestView> {
  const { id, reason } = cancelInputSchema.parse(input);
  const current = await loadOwnRequest(ctx, id);
  const now = ctx.now();
  const t = transition(current.request, { type: "cancel" }, now);
  if (!t.ok) throw alreadyDecided(current, now);
  const by = actorLabel(ctx.actor);
  const updated = await ctx.store.decide(id, {
    to: "cancelled",
    at: now,
    requireBefore: now,
    decision: {
      id: newId(),
      outcome: "cancelled",
      actorType: "agent",
      actorId: actorId(ctx.actor),
      actorLabel: by,
      channel: ctx.actor.channel,
      comment: reason ?? null,
      modified: false,
      finalArguments: null,
      createdAt: now,
    },
    audit: [
      {
        actorType: "agent",
        actorId: actorId(ctx.actor),
        action: "request.cancelled",
        requestId: id,
        data: {
          by,
          channel: ctx.actor.channel,
          reason: reason ?? null,
          tool: current.request.tool,
          agent: ctx.actor.type === "agent" ? ctx.actor.agentName : null,
          risk: current.request.risk,
          waitedMs: now.getTime() - current.request.createdAt.getTime(),
        },
      },
    ],
    outbox: current.request.callbackUrl ? [{ kind: "webhook", payload: { requestId: id } }] : [],
  });
  if (!updated) throw alreadyDecided((await ctx.store.getRequest(id)) ?? current, ctx.now());
  ctx.hub.requestChanged(updated);
  return toAgentView(updated, ctx.now(), ctx.config);
}
