import { createTRPCRouter, userProcedure } from "../trpc";
import { createAgent, createAgentInputSchema } from "../../services/agents/create-agent";
import { listAgents } from "../../services/agents/list-agents";
import { setAgentMode } from "../../services/agents/set-agent-mode";
import { disableAgent } from "../../services/agents/disable-agent";
import { enableAgent } from "../../services/agents/enable-agent";
import { revokeApiKey } from "../../services/agents/revoke-api-key";
import { rotateApiKey } from "../../services/agents/rotate-api-key";
import { agentIdInputSchema, revokeApiKeyInputSchema, rotateApiKeyInputSchema, setAgentModeInputSchema } from "../../services/agents/schemas";

const admin = userProcedure("admin");

/** Agents and their API keys: admin only. */
export const agentsRouter = createTRPCRouter({
  list: admin.query(({ ctx }) => listAgents({ ctx: ctx.svc })),
  create: admin.input(createAgentInputSchema.omit({ ownerUserId: true })).mutation(({ ctx, input }) => createAgent({ ctx: ctx.svc, input })),
  setMode: admin.input(setAgentModeInputSchema).mutation(({ ctx, input }) => setAgentMode({ ctx: ctx.svc, input })),
  disable: admin.input(agentIdInputSchema).mutation(({ ctx, input }) => disableAgent({ ctx: ctx.svc, input })),
  enable: admin.input(agentIdInputSchema).mutation(({ ctx, input }) => enableAgent({ ctx: ctx.svc, input })),
  rotateKey: admin.input(rotateApiKeyInputSchema).mutation(({ ctx, input }) => rotateApiKey({ ctx: ctx.svc, input })),
  revokeKey: admin.input(revokeApiKeyInputSchema).mutation(({ ctx, input }) => revokeApiKey({ ctx: ctx.svc, input })),
});
