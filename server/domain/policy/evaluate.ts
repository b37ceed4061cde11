import { isReadOnly, requiredMode, type SafetyMode, type ToolAnnotations } from "../approval/annotations";
import type { RiskTier } from "../approval/risk";

export type PolicyEffect = "allow" | "deny" | "require_approval";

export type Violation = {
  code: string;
  mode: SafetyMode;
  requiredMode?: SafetyMode;
  risk: RiskTier;
  rule?: string;
  reason: string;
  suggestion?: string;
};

export type Verdict =
  | { effect: "allow"; reason: string; requiredMode: SafetyMode }
  | { effect: "require_approval"; reason: string; requiredMode: SafetyMode }
  | { effect: "deny"; reason: string; requiredMode: SafetyMode; violation: Violation };

export type PolicyRequest = { tool: string; annotations: ToolAnnotations; risk: RiskTier };
export type PolicyContext = { agentMode: SafetyMode };

/**
 * The baseline policy: read-only actions are auto-approved (and audited like
 * any other), everything else needs a human. The agent's safety mode is
 * carried through for the audit trail; the full engine (modes, rules, rate
 * limits, kill switch) replaces this function without changing its shape.
 */
export function evaluate(request: PolicyRequest, _context: PolicyContext): Verdict {
  const mode = requiredMode(request.annotations);
  if (isReadOnly(request.annotations)) {
    return { effect: "allow", reason: "read-only actions are auto-approved", requiredMode: mode };
  }
  return { effect: "require_approval", reason: `${request.risk}-risk write needs a human`, requiredMode: mode };
}
