import type { ServiceContext } from "../context";
import { conflict, notFound, preconditionFailed } from "../errors";
import { newId } from "../approval/tokens";
import { adminAudit, assertAdmin } from "../shared/admin";
import { generateApiKey } from "./api-keys";
import { rotateApiKeyInputSchema, type RotateApiKeyInput } from "./schemas";

/**
 * Issues a new key for an agent and, when `revokeKeyId` names one of its
 * active keys, revokes that key in the same transaction (a rotation). Without
 * it the old keys keep working, so the agent can switch over without
 * downtime and the old key is revoked afterwards. The key is returned once.
 */
export async function rotateApiKey({ ctx, input }: { ctx: ServiceContext; input: RotateApiKeyInput }): Promise<{ agentId: string; keyId: string; prefix: string; apiKey: string; revokedKeyId: string | null }> {
  assertAdmin(ctx.actor);
  const { agentId, revokeKeyId } = rotateApiKeyInputSchema.parse(input);
  const agent = await ctx.store.getAgent(agentId);
  if (!agent) throw notFound("agent", agentId);
  if (agent.disabledAt) throw preconditionFailed(`agent ${agent.name} is disabled; enable it before issuing keys`, { agentId });
  const key = generateApiKey();
  const keyId = newId();
  const audit = [adminAudit(ctx, "api_key.created", { agentId, agent: agent.name, keyId, prefix: key.prefix, replaces: revokeKeyId ?? null })];
  if (revokeKeyId) audit.push(adminAudit(ctx, "api_key.revoked", { agentId, agent: agent.name, keyId: revokeKeyId, replacedBy: keyId }));
  const ok = await ctx.store.rotateApiKey({ id: keyId, agentId, prefix: key.prefix, hash: key.hash, at: ctx.now() }, revokeKeyId ?? null, audit);
  if (!ok) throw conflict("the key to replace is not an active key of this agent; nothing was changed", { agentId, keyId: revokeKeyId ?? null });
  return { agentId, keyId, prefix: key.prefix, apiKey: key.key, revokedKeyId: revokeKeyId ?? null };
}
