import { z } from "zod";
import type { RiskTier } from "../../domain/approval/risk";
import type { PolicyEffect, Violation } from "../../domain/policy/evaluate";
import { assessAction } from "../../domain/policy/assess";
import type { SafetyMode } from "../../domain/approval/annotations";
import type { ServiceContext } from "../context";
import { jsonObjectSchema } from "../shared/json-schemas";
import { annotationsSchema, previewSchema, toolNameSchema } from "./schemas";
import { submittingAgent } from "./write-request";

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
  const { agent } = await submittingAgent(ctx, "permission checks");
  const parsed = checkInputSchema.parse(input);
  const { risk, riskReasons, verdict } = assessAction({ tool: parsed.tool, annotations: parsed.annotations ?? {}, preview: parsed.preview ?? null }, agent.mode);
  return {
    verdict: verdict.effect,
    reason: verdict.reason,
    risk,
    riskReasons,
    requiredMode: verdict.requiredMode,
    agentMode: agent.mode,
    violation: verdict.effect === "deny" ? verdict.violation : null,
  };
}
