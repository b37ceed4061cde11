import { isDestructive, isReadOnly, type ToolAnnotations } from "./annotations";

export const RISK_TIERS = ["low", "medium", "high", "critical"] as const;
export type RiskTier = (typeof RISK_TIERS)[number];

const RANK: Record<RiskTier, number> = { low: 0, medium: 1, high: 2, critical: 3 };
export const maxRisk = (a: RiskTier, b: RiskTier): RiskTier => (RANK[a] >= RANK[b] ? a : b);
export const riskAtLeast = (r: RiskTier, floor: RiskTier): boolean => RANK[r] >= RANK[floor];

/**
 * Tool-name patterns that raise the tier of a write. Matched against the
 * dotted tool name split into words, so `github.delete_repository` hits
 * `delete` but `list_deleted` does not hit `delete`.
 */
export const NAME_PATTERNS: readonly { words: readonly string[]; tier: RiskTier; why: string }[] = [
  {
    words: ["delete", "drop", "destroy", "purge", "wipe", "truncate", "erase", "terminate", "transfer", "pay", "payout", "refund", "withdraw"],
    tier: "critical",
    why: "irreversible action",
  },
  {
    words: ["iam", "permission", "permissions", "role", "roles", "grant", "revoke", "secret", "secrets", "credential", "credentials", "rotate", "deploy", "migrate", "migration", "firewall", "dns", "infra", "sudo", "admin"],
    tier: "high",
    why: "affects access or infrastructure",
  },
];

export type RiskInput = {
  tool: string;
  annotations: ToolAnnotations;
  preview?: { reversible?: boolean } | null;
};

/** Risk tier from annotations, tool-name patterns and the preview's own reversibility claim. */
export function deriveRisk(input: RiskInput): { risk: RiskTier; reasons: string[] } {
  const { annotations } = input;
  if (isReadOnly(annotations)) return { risk: "low", reasons: ["read-only (readOnlyHint)"] };

  const reasons: string[] = [];
  let risk: RiskTier;
  if (isDestructive(annotations)) {
    risk = "high";
    reasons.push(annotations.destructiveHint === true ? "destructive (destructiveHint)" : "destructive (MCP default when no hint is given)");
  } else {
    risk = "medium";
    reasons.push("writes, not destructive (destructiveHint: false)");
  }

  const words = new Set(input.tool.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean));
  for (const p of NAME_PATTERNS) {
    const hit = p.words.find((w) => words.has(w));
    if (hit !== undefined && riskAtLeast(p.tier, risk) && p.tier !== risk) {
      risk = p.tier;
      reasons.push(`tool name contains "${hit}": ${p.why}`);
    }
  }
  if (input.preview?.reversible === false && risk !== "critical") {
    risk = "critical";
    reasons.push("preview says the change is not reversible");
  }
  return { risk, reasons };
}
