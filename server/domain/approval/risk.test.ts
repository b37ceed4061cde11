import { describe, expect, it } from "vitest";
import type { ToolAnnotations } from "./annotations";
import { deriveRisk, maxRisk, RISK_TIERS, riskAtLeast, type RiskTier } from "./risk";

const RO: ToolAnnotations = { readOnlyHint: true };
const SAFE: ToolAnnotations = { destructiveHint: false };
const DESTR: ToolAnnotations = { destructiveHint: true };

const table: { tool: string; a: ToolAnnotations; preview?: { reversible?: boolean } | null; risk: RiskTier }[] = [
  // read-only is low whatever the name or preview says
  { tool: "github.delete_repository", a: RO, risk: "low" },
  { tool: "aws.iam.list_roles", a: RO, risk: "low" },
  { tool: "db.read", a: RO, preview: { reversible: false }, risk: "low" },
  // annotations alone
  { tool: "notes.update", a: SAFE, risk: "medium" },
  { tool: "notes.update", a: {}, risk: "high" },
  { tool: "notes.update", a: DESTR, risk: "high" },
  // critical words
  { tool: "github.delete_repository", a: {}, risk: "critical" },
  { tool: "github.delete_repository", a: SAFE, risk: "critical" },
  { tool: "bank.transfer", a: SAFE, risk: "critical" },
  { tool: "db.DROP-table", a: {}, risk: "critical" },
  { tool: "stripe:refund", a: SAFE, risk: "critical" },
  { tool: "k8s/terminate/pod", a: SAFE, risk: "critical" },
  // high words
  { tool: "aws.iam.attach_policy", a: SAFE, risk: "high" },
  { tool: "app.deploy", a: SAFE, risk: "high" },
  { tool: "vault.rotate_secret", a: SAFE, risk: "high" },
  { tool: "db.run_migration", a: SAFE, risk: "high" },
  // both: critical wins regardless of order in the name
  { tool: "iam.delete_user", a: SAFE, risk: "critical" },
  { tool: "delete.deploy", a: SAFE, risk: "critical" },
  // whole words only
  { tool: "list_deleted_items", a: SAFE, risk: "medium" },
  { tool: "list_deleted_items", a: {}, risk: "high" },
  { tool: "payload.update", a: SAFE, risk: "medium" },
  { tool: "deployment_status.set", a: SAFE, risk: "medium" },
  { tool: "roleplay.start", a: SAFE, risk: "medium" },
  // preview reversibility
  { tool: "notes.update", a: SAFE, preview: { reversible: false }, risk: "critical" },
  { tool: "notes.update", a: {}, preview: { reversible: false }, risk: "critical" },
  { tool: "notes.update", a: SAFE, preview: { reversible: true }, risk: "medium" },
  { tool: "notes.update", a: SAFE, preview: {}, risk: "medium" },
  { tool: "notes.update", a: SAFE, preview: null, risk: "medium" },
  { tool: "bank.transfer", a: SAFE, preview: { reversible: true }, risk: "critical" },
];

describe("deriveRisk", () => {
  it.each(table)("$tool $a preview=$preview → $risk", ({ tool, a, preview, risk }) => {
    expect(deriveRisk({ tool, annotations: a, preview }).risk).toBe(risk);
  });

  it("explains each raise", () => {
    const r = deriveRisk({ tool: "github.delete_repository", annotations: {} });
    expect(r.reasons).toHaveLength(2);
    expect(r.reasons[0]).toMatch(/MCP default/);
    expect(r.reasons[1]).toContain('"delete"');
  });

  it("names the explicit destructive hint", () => {
    expect(deriveRisk({ tool: "x", annotations: DESTR }).reasons).toEqual(["destructive (destructiveHint)"]);
  });

  it("a high word on an already-high write adds no reason", () => {
    expect(deriveRisk({ tool: "app.deploy", annotations: {} }).reasons).toHaveLength(1);
  });

  it("reports irreversibility once, and not when already critical", () => {
    expect(deriveRisk({ tool: "notes.update", annotations: SAFE, preview: { reversible: false } }).reasons).toContain(
      "preview says the change is not reversible",
    );
    expect(deriveRisk({ tool: "bank.transfer", annotations: SAFE, preview: { reversible: false } }).reasons).not.toContain(
      "preview says the change is not reversible",
    );
  });
});

describe("maxRisk / riskAtLeast", () => {
  const pairs = RISK_TIERS.flatMap((a, i) => RISK_TIERS.map((b, j) => ({ a, b, i, j })));
  it.each(pairs)("$a vs $b", ({ a, b, i, j }) => {
    expect(maxRisk(a, b)).toBe(RISK_TIERS[Math.max(i, j)]);
    expect(riskAtLeast(a, b)).toBe(i >= j);
  });
});
