import type { ServiceContext } from "../context";
import { conflict, notFound } from "../errors";
import { adminAudit, assertAdmin } from "../shared/admin";
import { agentIdInputSchema, type AgentIdInput } from "./schemas";

/**
 * Disables an agent: its keys stop authenticating on the next request (no
 * cache), its pending requests stay reviewable, its keys are kept so it can
 * be enabled again.
 */
export async function disableAgent({ ctx, input }: { ctx: ServiceContext; input: AgentIdInput }): Promise<{ agentId: string; disabledAt: string }> {
  assertAdmin(ctx.actor);
  const { agentId } = agentIdInputSchema.parse(input);
  const agent = await ctx.store.getAgent(agentId);
  if (!agent) throw notFound("agent", agentId);
  const now = ctx.now();
  const row = await ctx.store.setAgentDisabled(agentId, now, now, [adminAudit(ctx, "agent.disabled", { agentId, agent: agent.name })]);
  if (!row?.disabledAt) throw conflict(`agent ${agent.name} is already disabled`, { agentId });
  return { agentId, disabledAt: row.disabledAt.toISOString() };
}
