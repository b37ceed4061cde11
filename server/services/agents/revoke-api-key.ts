import type { ServiceContext } from "../context";
import { conflict, notFound } from "../errors";
import { adminAudit, assertAdmin } from "../shared/admin";
import { revokeApiKeyInputSchema, type RevokeApiKeyInput } from "./schemas";

/** Revokes a key: the next request made with it gets 401 (keys are looked up on every request, never cached). */
export async function revokeApiKey({ ctx, input }: { ctx: ServiceContext; input: RevokeApiKeyInput }): Promise<{ keyId: string; revokedAt: string }> {
  assertAdmin(ctx.actor);
  const { keyId } = revokeApiKeyInputSchema.parse(input);
  const key = await ctx.store.getApiKey(keyId);
  if (!key) throw notFound("API key", keyId);
  const agent = await ctx.store.getAgent(key.agentId);
  const now = ctx.now();
  const ok = await ctx.store.revokeApiKey(keyId, now, [adminAudit(ctx, "api_key.revoked", { agentId: key.agentId, agent: agent?.name ?? null, keyId, prefix: key.prefix })]);
  if (!ok) throw conflict(`key ${key.prefix}… is already revoked`, { keyId });
  return { keyId, revokedAt: now.toISOString() };
}
