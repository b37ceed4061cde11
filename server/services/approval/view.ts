import { effectiveStatus, toAgentVerdict, type AgentVerdict, type ApprovalStatus } from "../../domain/approval/status";
import type { JsonValue } from "../../domain/json/canonical";
import type { RequestAggregate } from "../../db/store";
import type { ServiceConfig } from "../context";

export type DecisionView = {
  outcome: "approved" | "denied" | "expired" | "cancelled";
  by: string;
  channel: string;
  comment: string | null;
  reason: string | null;
  modified: boolean;
  decidedAt: string;
};

/** The request as the agent that submitted it sees it. */
export type AgentRequestView = {
  id: string;
  status: ApprovalStatus;
  verdict: AgentVerdict;
  tool: string;
  risk: string;
  riskReasons: string[];
  policy: { effect: string; reason: string };
  createdAt: string;
  expiresAt: string;
  argsHash: string;
  previewDigest: string | null;
  decision: (DecisionView & { finalArguments: JsonValue | null; finalArgsHash: string | null }) | null;
  executionToken: string | null;
  executionTokenExpiresAt: string | null;
  execution: { status: string; claimedAt: string; outcome: string | null; detail: string | null; completedAt: string | null } | null;
  url: string;
};

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** A pending request past its deadline reads as expired, decided by the timeout, before any sweeper runs. */
export function decisionView(a: RequestAggregate, now: Date): DecisionView | null {
  const d = a.decision;
  if (d) {
    return {
      outcome: d.outcome,
      by: d.actorLabel,
      channel: d.channel,
      comment: d.outcome === "approved" ? d.comment : null,
      reason: d.outcome === "approved" ? null : d.comment,
      modified: d.modified,
      decidedAt: d.createdAt.toISOString(),
    };
  }
  if (effectiveStatus(a.request, now) === "expired") {
    return {
      outcome: "expired",
      by: "system:deadline",
      channel: "timeout",
      comment: null,
      reason: "no decision before the deadline (default deny)",
      modified: false,
      decidedAt: a.request.expiresAt.toISOString(),
    };
  }
  return null;
}

export function toAgentView(a: RequestAggregate, now: Date, config: ServiceConfig): AgentRequestView {
  const r = a.request;
  const status = effectiveStatus(r, now);
  const dv = decisionView(a, now);
  const approved = status === "approved";
  return {
    id: r.id,
    status,
    verdict: toAgentVerdict(status),
    tool: r.tool,
    risk: r.risk,
    riskReasons: r.riskReasons,
    policy: { effect: r.policyEffect, reason: r.policyReason },
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    argsHash: r.argsHash,
    previewDigest: r.previewDigest,
    decision: dv
      ? {
          ...dv,
          finalArguments: approved ? ((r.finalArguments as JsonValue | null) ?? (r.arguments as JsonValue)) : null,
          finalArgsHash: approved ? (r.finalArgsHash ?? r.argsHash) : null,
        }
      : null,
    executionToken: approved ? r.executionToken : null,
    executionTokenExpiresAt: approved ? iso(r.tokenExpiresAt) : null,
    execution: a.claim
      ? {
          status: r.executionStatus ?? "claimed",
          claimedAt: a.claim.claimedAt.toISOString(),
          outcome: a.claim.outcome,
          detail: a.claim.detail,
          completedAt: iso(a.claim.completedAt),
        }
      : null,
    url: `${config.publicUrl.replace(/\/$/, "")}/requests/${r.id}`,
  };
}

/** The request as a reviewer sees it: secrets redacted, no execution token. */
export type ReviewerRequestView = {
  id: string;
  agentId: string;
  agentName: string;
  status: ApprovalStatus;
  tool: string;
  summary: string | null;
  reason: string | null;
  arguments: JsonValue;
  redactedPaths: string[];
  annotations: JsonValue;
  preview: JsonValue;
  previewDigest: string | null;
  argumentsSchema: JsonValue;
  session: string | null;
  resources: string[] | null;
  risk: string;
  riskReasons: string[];
  policy: { effect: string; reason: string };
  createdAt: string;
  expiresAt: string;
  decision: (DecisionView & { finalArguments: JsonValue | null }) | null;
  execution: AgentRequestView["execution"];
};

export function toReviewerView(a: RequestAggregate, agentName: string, now: Date, config: ServiceConfig): ReviewerRequestView {
  const r = a.request;
  const agentView = toAgentView(a, now, config);
  const dv = decisionView(a, now);
  return {
    id: r.id,
    agentId: r.agentId,
    agentName,
    status: agentView.status,
    tool: r.tool,
    summary: r.summary,
    reason: r.reason,
    arguments: r.argumentsRedacted as JsonValue,
    redactedPaths: r.redactedPaths,
    annotations: r.annotations as JsonValue,
    preview: (r.preview as JsonValue | null) ?? null,
    previewDigest: r.previewDigest,
    argumentsSchema: (r.argumentsSchema as JsonValue | null) ?? null,
    session: r.session,
    resources: r.resources,
    risk: r.risk,
    riskReasons: r.riskReasons,
    policy: agentView.policy,
    createdAt: agentView.createdAt,
    expiresAt: agentView.expiresAt,
    decision: dv ? { ...dv, finalArguments: (a.decision?.finalArguments as JsonValue | null | undefined) ?? null } : null,
    execution: agentView.execution,
  };
}
