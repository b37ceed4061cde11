import { describe, expect, it } from "vitest";
import { SAFETY_MODES, type SafetyMode, type ToolAnnotations } from "../approval/annotations";
import { RISK_TIERS, type RiskTier } from "../approval/risk";
import { evaluate } from "./evaluate";

const table: { name: string; a: ToolAnnotations; risk: RiskTier; effect: "allow" | "require_approval"; mode: SafetyMode }[] = [
  { name: "read-only", a: { readOnlyHint: true }, risk: "low", effect: "allow", mode: "read_only" },
  { name: "read-only even if labelled critical", a: { readOnlyHint: true }, risk: "critical", effect: "allow", mode: "read_only" },
  { name: "non-destructive write", a: { destructiveHint: false }, risk: "medium", effect: "require_approval", mode: "write_idempotent" },
  { name: "no hints", a: {}, risk: "high", effect: "require_approval", mode: "write_destructive" },
  { name: "destructive", a: { destructiveHint: true }, risk: "critical", effect: "require_approval", mode: "write_destructive" },
  { name: "write labelled low", a: { readOnlyHint: false }, risk: "low", effect: "require_approval", mode: "write_destructive" },
];

describe("evaluate (baseline policy)", () => {
  const cases = table.flatMap((row) => SAFETY_MODES.map((agentMode) => ({ ...row, agentMode })));

  it.each(cases)("$name, agent $agentMode → $effect ($mode)", ({ a, risk, effect, mode, agentMode }) => {
    const v = evaluate({ tool: "t.x", annotations: a, risk }, { agentMode });
    expect(v.effect).toBe(effect);
    expect(v.requiredMode).toBe(mode);
    expect(v.reason.length).toBeGreaterThan(0);
  });

  it.each(RISK_TIERS)("require_approval reason names the %s risk", (risk) => {
    expect(evaluate({ tool: "t.x", annotations: {}, risk }, { agentMode: "read_only" }).reason).toContain(`${risk}-risk`);
  });

  it("never denies in the baseline", () => {
    for (const row of table) {
      for (const agentMode of SAFETY_MODES) {
        expect(evaluate({ tool: "t", annotations: row.a, risk: row.risk }, { agentMode }).effect).not.toBe("deny");
      }
    }
  });
});
