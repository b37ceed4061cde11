import type { RequestAggregate } from "../../db/store";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { getInputSchema, type GetInput } from "./schemas";
import { toAgentView, type AgentRequestView } from "./view";

/** An agent sees only its own requests; someone else's id reads as not found. */
export async function loadOwnRequest(ctx: ServiceContext, id: string): Promise<RequestAggregate> {
  const a = await ctx.store.getRequest(id);
  if (!a || ctx.actor.type !== "agent" || a.request.agentId !== ctx.actor.agentId) throw notFound("request", id);
  return a;
}

export async function getRequest({ ctx, input }: { ctx: ServiceContext; input: GetInput }): Promise<AgentRequestView> {
  const { id } = getInputSchema.parse(input);
  return toAgentView(await loadOwnRequest(ctx, id), ctx.now(), ctx.config);
}
