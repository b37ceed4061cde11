import type { ServiceContext } from "../context";

export async function agentNameOf(ctx: ServiceContext, agentId: string): Promise<string> {
  return (await ctx.store.getAgent(agentId))?.name ?? agentId;
}
