import { z } from "zod";
import { deriveRisk, type RiskTier } from "../../domain/approval/risk";
import { evaluate, type PolicyEffect, type Violation } from "../../domain/policy/evaluate";
import type { SafetyMode } from "../../domain/approval/annotations";
import type { ServiceContext } from "../context";
import { forbidden } from "../errors";
import { jsonObjectSchema } from "../shared/json-schemas";
import { annotationsSchema, previewSchema, toolNameSchema } from "./schemas";

/** What `submit` would be asked, minus what only matters once a request exists. */
export const checkInputSchema = z.strictObject({
  tool: toolNameSchema,
  arguments: jsonObjectSchema("arguments").optional(),
  annotations: annotationsSchema.optional(),
  preview: previewSchema.optional(),
});
export type CheckInput = z.infer<typeof checkInputSchema>;

export type CheckResult = {
  verdict: PolicyEffect;
  reason: string;
  risk: RiskTier;
  riskReasons: string[];
  requiredMode: SafetyMode;
  agentMode: SafetyMode;
  violation: Violation | null;
};

/**
 * Policy dry-run: what would happen if this agent submitted the action now.
 * Risk and verdict come from the same pure functions `submit` uses, with the
 * agent's current safety mode; nothing is written, not even an audit event.
 */
export async function checkPermission({ ctx, input }: { ctx: ServiceContext; input: CheckInput }): Promise<CheckResult> {
  const actor = ctx.actor;
  if (actor.type !== "agent") throw forbidden("only agents check permissions");
  const parsed = checkInputSchema.parse(input);
  const agent = await ctx.store.getAgent(actor.agentId);
  if (!agent) throw forbidden("this API key's agent no longer exists");

  const annotations = parsed.annotations ?? {};
  const { risk, reasons } = deriveRisk({ tool: parsed.tool, annotations, preview: parsed.preview ?? null });
  const verdict = evaluate({ tool: parsed.tool, annotations, risk }, { agentMode: agent.mode });
  return {
    verdict: verdict.effect,
    reason: verdict.reason,
    risk,
    riskReasons: reasons,
    requiredMode: verdict.requiredMode,
    agentMode: agent.mode,
    violation: verdict.effect === "deny" ? verdict.violation : null,
  };
}
