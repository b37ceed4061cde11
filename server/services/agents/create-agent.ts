import { z } from "zod";
import { SAFETY_MODES } from "../../domain/approval/annotations";
import { actorId, type ServiceContext } from "../context";
import { conflict } from "../errors";
import { newId } from "../approval/tokens";
import { generateApiKey } from "./api-keys";
import { assertAdmin } from "../shared/admin";

export const createAgentInputSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9_.-]+$/, { error: "agent names may contain letters, digits and _ . -" }),
  mode: z.enum(SAFETY_MODES).default("read_only"),
  ownerUserId: z.string().min(1).optional(),
});
export type CreateAgentInput = z.input<typeof createAgentInputSchema>;

/** Creates an agent and its first API key. The key is returned once and stored only as a hash. */
export async function createAgent({ ctx, input }: { ctx: ServiceContext; input: CreateAgentInput }): Promise<{ id: string; name: string; mode: string; apiKey: string }> {
  assertAdmin(ctx.actor);
  const { name, mode, ownerUserId } = createAgentInputSchema.parse(input);
  if (await ctx.store.findAgentByName(name)) throw conflict(`an agent named "${name}" already exists`, { name });
  const now = ctx.now();
  const id = newId();
  const key = generateApiKey();
  const keyId = newId();
  const by = { actorType: ctx.actor.type === "agent" ? ("agent" as const) : ctx.actor.type, actorId: actorId(ctx.actor), requestId: null };
  await ctx.store.createAgent({ id, name, mode, ownerUserId: ownerUserId ?? null, at: now }, { id: keyId, agentId: id, prefix: key.prefix, hash: key.hash, at: now }, [
    { ...by, action: "agent.created", data: { agentId: id, name, mode, channel: ctx.actor.channel } },
    { ...by, action: "api_key.created", data: { agentId: id, agent: name, keyId, prefix: key.prefix, channel: ctx.actor.channel } },
  ]);
  return { id, name, mode, apiKey: key.key };
}
