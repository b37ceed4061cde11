import { z } from "zod";
import { SAFETY_MODES } from "../../domain/approval/annotations";

/** Inputs of the admin verbs on agents and keys; client-safe (zod and the domain only). */
const idSchema = (what: string) => z.string().uuid({ error: `${what} must be an id (a UUID)` });

export const agentIdInputSchema = z.strictObject({ agentId: idSchema("agentId") });
export type AgentIdInput = z.infer<typeof agentIdInputSchema>;

export const setAgentModeInputSchema = z.strictObject({ agentId: idSchema("agentId"), mode: z.enum(SAFETY_MODES) });
export type SetAgentModeInput = z.infer<typeof setAgentModeInputSchema>;

export const revokeApiKeyInputSchema = z.strictObject({ keyId: idSchema("keyId") });
export type RevokeApiKeyInput = z.infer<typeof revokeApiKeyInputSchema>;

export const rotateApiKeyInputSchema = z.strictObject({
  agentId: idSchema("agentId"),
  /** The key this one replaces, revoked in the same transaction; absent to only add a key. */
  revokeKeyId: idSchema("revokeKeyId").optional(),
});
export type RotateApiKeyInput = z.infer<typeof rotateApiKeyInputSchema>;
