/*
 * The agent API's shapes, declared here rather than imported from the server
 * so the client carries no server code into an agent's process. A type test
 * (tests/integration/client-flow.test.ts) checks they match the server's.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type ApprovalStatus = "pending" | "approved" | "denied" | "expired" | "cancelled";
/** Default deny: only an approval lets the agent act. */
export type AgentVerdict = "allow" | "deny" | "wait";
export type Outcome = "succeeded" | "failed";

/** MCP ToolAnnotations hints. Absent hints take MCP's defaults: not read-only, destructive. */
export type ToolAnnotations = {
  title?: string;
  readOnlyHint?: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint?: boolean;
};

export type PreviewChange = { path: string; from?: JsonValue; to?: JsonValue; warning?: string };

/** The dry run a reviewer reads. All optional; the approval is bound to its digest. */
export type Preview = {
  changes?: PreviewChange[];
  impact?: string;
  reversible?: boolean;
  rollback?: string;
  diff?: string;
  /** The version of the target the preview was computed against; the claim must then report the current one. */
  targetVersion?: string;
};

/** One proposed tool call (`agent.submit`). */
export type ApprovalRequestInput = {
  /** 1–200 chars of `[A-Za-z0-9_.:/-]`, e.g. `github.delete_repository`. */
  tool: string;
  arguments: JsonObject;
  annotations?: ToolAnnotations;
  summary?: string;
  reason?: string;
  preview?: Preview;
  /** JSON Schema that a reviewer's modified arguments must satisfy. */
  argumentsSchema?: JsonObject;
  session?: string;
  resources?: string[];
  /** The same key with the same body returns the same request; with another body, a CONFLICT. */
  idempotencyKey?: string;
  /** 5 – 86 400; the server's default (300) when absent. */
  timeoutSeconds?: number;
  callbackUrl?: string;
};

/** A structured policy refusal, the same shape on every surface. */
export type Violation = {
  code: string;
  mode: string;
  requiredMode?: string;
  risk: string;
  rule?: string;
  reason: string;
  suggestion?: string;
};

export type DecisionView = {
  outcome: "approved" | "denied" | "expired" | "cancelled";
  /** Who decided: a reviewer's email, `policy`, `system:deadline`, or `agent:<name>`. */
  by: string;
  channel: string;
  comment: string | null;
  reason: string | null;
  modified: boolean;
  decidedAt: string;
  finalArguments: JsonValue | null;
  finalArgsHash: string | null;
};

export type ExecutionView = {
  status: string;
  claimedAt: string;
  outcome: string | null;
  detail: string | null;
  completedAt: string | null;
};

/** The request as the agent that submitted it sees it. */
export type AgentRequestView = {
  id: string;
  status: ApprovalStatus;
  verdict: AgentVerdict;
  tool: string;
  risk: string;
  riskReasons: string[];
  policy: { effect: string; reason: string; violation?: Violation | null };
  createdAt: string;
  expiresAt: string;
  argsHash: string;
  previewDigest: string | null;
  decision: DecisionView | null;
  executionToken: string | null;
  executionTokenExpiresAt: string | null;
  execution: ExecutionView | null;
  /** The request's page in the dashboard. */
  url: string;
};
