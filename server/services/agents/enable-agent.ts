import type { ServiceContext } from "../context";
import { conflict, notFound } from "../errors";
import { adminAudit, assertAdmin } from "../shared/admin";
import { agentIdInputSchema, type AgentIdInput } from "./schemas";

/** Enables a disabled agent again: its keys that were not revoked work again. */
export async function enableAgent({ ctx, input }: { ctx: ServiceContext; input: AgentIdInput }): Promise<{ agentId: string }> {
  assertAdmin(ctx.actor);
  const { agentId } = agentIdInputSchema.parse(input);
  const agent = await ctx.store.getAgent(agentId);
  if (!agent) throw notFound("agent", agentId);
  const now = ctx.now();
  const row = await ctx.store.setAgentDisabled(agentId, null, now, [adminAudit(ctx, "agent.enabled", { agentId, agent: agent.name })]);
  if (!row) throw conflict(`agent ${agent.name} is not disabled`, { agentId });
  return { agentId };
}
