import type { SafetyMode } from "../approval/annotations";
import { deriveRisk, type RiskInput, type RiskTier } from "../approval/risk";
import { evaluate, type Verdict } from "./evaluate";

export type Assessment = { risk: RiskTier; riskReasons: string[]; verdict: Verdict };

/** Risk, then the policy's verdict on it: what submitting and the dry-run both decide from. */
export function assessAction(action: RiskInput, agentMode: SafetyMode): Assessment {
  const { risk, reasons } = deriveRisk({ tool: action.tool, annotations: action.annotations, preview: action.preview });
  const verdict = evaluate({ tool: action.tool, annotations: action.annotations, risk }, { agentMode });
  return { risk, riskReasons: reasons, verdict };
}
