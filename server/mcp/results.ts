import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { ZodError } from "zod";
import type { Violation } from "../domain/policy/evaluate";
import type { ToolAnnotations } from "../domain/approval/annotations";
import type { ServiceContext } from "../services/context";
import { ServiceError } from "../services/errors";
import type { AgentRequestView } from "../services/approval/view";
import { loadOwnRequest } from "../services/approval/get";
import { checkPermission } from "../services/approval/check";

type Structured = Record<string, unknown>;

/** structuredContent plus the same JSON as text, for clients that only show text to the model. */
export function toolResult(structured: Structured, isError = false): CallToolResult {
  const result: CallToolResult = { content: [{ type: "text", text: JSON.stringify(structured) }], structuredContent: structured };
  if (isError) result.isError = true;
  return result;
}

/**
 * Expected failures become tool results the model can read and act on, not
 * protocol errors; anything else is logged and reported without its details.
 */
export function errorResult(e: unknown): CallToolResult {
  if (e instanceof ServiceError) return toolResult({ error: { code: e.code, message: e.message, details: e.data } }, true);
  if (e instanceof ZodError) {
    const issues = e.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
    return toolResult({ error: { code: "BAD_REQUEST", message: issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; "), details: { issues } } }, true);
  }
  console.error("mcp tool failed:", e);
  return toolResult({ error: { code: "INTERNAL", message: "internal error; nothing was changed by this call", details: {} } }, true);
}

export async function guarded(fn: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await fn();
  } catch (e) {
    return errorResult(e);
  }
}

function nextStep(v: AgentRequestView): string {
  if (v.status === "pending") {
    return `Not decided yet. Do NOT perform the action. Call wait_for_approval with this id; without a decision by ${v.expiresAt} it is denied. The user can decide at ${v.url}.`;
  }
  if (v.status !== "approved") return "Do not perform this action.";
  if (!v.execution) {
    const modified = v.decision?.modified ? " The reviewer CHANGED the arguments: use finalArguments, not your original ones." : "";
    return `Approved.${modified} Call claim_execution with executionToken and arguments = finalArguments, then perform the action with exactly finalArguments, then call report_outcome.`;
  }
  if (v.execution.outcome === null) return "Execution claimed. Perform the action with finalArguments, then call report_outcome.";
  return "Outcome reported. Nothing more to do for this request.";
}

/** The flat shape of requestOutputSchema. */
export function requestFieldsOf(v: AgentRequestView): Structured {
  const d = v.decision;
  const fa = d?.finalArguments;
  return {
    id: v.id,
    status: v.status,
    verdict: v.verdict,
    tool: v.tool,
    risk: v.risk,
    riskReasons: v.riskReasons,
    policy: v.policy,
    createdAt: v.createdAt,
    expiresAt: v.expiresAt,
    url: v.url,
    finalArguments: fa && typeof fa === "object" && !Array.isArray(fa) ? fa : null,
    executionToken: v.executionToken,
    executionTokenExpiresAt: v.executionTokenExpiresAt,
    decision: d ? { outcome: d.outcome, by: d.by, channel: d.channel, comment: d.comment, reason: d.reason, modified: d.modified, decidedAt: d.decidedAt } : null,
    execution: v.execution,
    next: nextStep(v),
  };
}

/**
 * Why a request the agent must not act on ended that way (DESIGN.md §3).
 * The agent's mode and the action's required mode come from a policy dry-run
 * of the stored action; a policy denial keeps the policy's own code when the
 * dry-run still denies for the same reason.
 */
export async function violationFor(ctx: ServiceContext, v: AgentRequestView): Promise<Violation> {
  const stored = (await loadOwnRequest(ctx, v.id)).request;
  const check = await checkPermission({ ctx, input: { tool: stored.tool, annotations: stored.annotations as ToolAnnotations } });
  const base = { mode: check.agentMode, requiredMode: check.requiredMode, risk: v.risk as Violation["risk"] };
  const d = v.decision;
  const said = d?.reason ?? d?.comment ?? null;
  switch (v.status) {
    case "expired":
      return { ...base, code: "expired", reason: said ?? "no decision before the deadline (default deny)", suggestion: "Nobody approved in time. Submit again only if the action is still needed, perhaps with a longer timeoutSeconds; tell the user." };
    case "cancelled":
      return { ...base, code: "cancelled", reason: said ?? "the request was cancelled", suggestion: "The request was withdrawn. Submit a new one if the action is needed after all." };
    default:
      if (d?.channel === "policy") {
        if (check.violation && check.reason === d.reason) return check.violation;
        return { ...base, code: "policy_denied", reason: said ?? v.policy.reason, suggestion: "Policy forbids this action for your agent; do not retry it unchanged. Ask the user or an admin." };
      }
      return { ...base, code: "denied_by_reviewer", reason: said ?? "denied by a reviewer", suggestion: "A human said no. Do not retry the same action unchanged; address the reviewer's reason or ask the user." };
  }
}

/** A request view as a tool result: an error result with a violation when the agent must not act. */
export async function requestResult(ctx: ServiceContext, v: AgentRequestView): Promise<CallToolResult> {
  const fields = requestFieldsOf(v);
  if (v.verdict !== "deny") return toolResult(fields);
  return toolResult({ ...fields, violation: await violationFor(ctx, v) }, true);
}
