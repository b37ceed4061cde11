import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { adminAudit, assertAdmin } from "../shared/admin";
import { setAgentModeInputSchema, type SetAgentModeInput } from "./schemas";

/** Changes an agent's safety mode (what it may ask for at all). Setting the mode it already has changes nothing. */
export async function setAgentMode({ ctx, input }: { ctx: ServiceContext; input: SetAgentModeInput }): Promise<{ agentId: string; mode: string; changed: boolean }> {
  assertAdmin(ctx.actor);
  const { agentId, mode } = setAgentModeInputSchema.parse(input);
  const changed = await ctx.store.setAgentMode(agentId, mode, ctx.now(), (before) => [
    adminAudit(ctx, "agent.mode_changed", { agentId, agent: before.name, from: before.mode, to: mode }),
  ]);
  if (changed) return { agentId, mode, changed: true };
  const current = await ctx.store.getAgent(agentId);
  if (!current) throw notFound("agent", agentId);
  return { agentId, mode: current.mode, changed: false };
}
