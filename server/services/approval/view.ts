import { effectiveStatus, toAgentVerdict, type AgentVerdict, type ApprovalStatus } from "../../domain/approval/status";
import type { JsonValue } from "../../domain/json/canonical";
import type { RequestKind } from "../../domain/approval/kind";
import type { RequestAggregate } from "../../db/store";
import type { ServiceConfig } from "../context";
import type { ResponseOption } from "./schemas";

export type DecisionView = {
  outcome: "approved" | "denied" | "expired" | "cancelled";
  by: string;
  channel: string;
  comment: string | null;
  reason: string | null;
  modified: boolean;
  decidedAt: string;
};

/** What a question asks; null on an action. */
export type QuestionView = {
  message: string;
  subject: string | null;
  responseOptions: ResponseOption[] | null;
  /** The response option the reviewer picked with the answer, if any. */
  answerOptionName: string | null;
};

/** The request as the agent that submitted it sees it. */
export type AgentRequestView = {
  id: string;
  kind: RequestKind;
  status: ApprovalStatus;
  verdict: AgentVerdict;
  question: QuestionView | null;
  /** A question's answer (the approval's comment) once answered; null otherwise. */
  answer: string | null;
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

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const stringOrNull = (v: unknown): string | null => (typeof v === "string" ? v : null);

function responseOptionsOf(v: unknown): ResponseOption[] | null {
  if (!Array.isArray(v)) return null;
  return v.filter(isObject).map((o) => ({
    name: String(o.name),
    ...(typeof o.title === "string" ? { title: o.title } : {}),
    ...(typeof o.description === "string" ? { description: o.description } : {}),
  }));
}

/** A question from its stored arguments ({ message, subject?, responseOptions? }), as written by askQuestion. */
export function questionView(a: RequestAggregate, args: unknown): QuestionView | null {
  const r = a.request;
  if (r.kind !== "question") return null;
  const q = isObject(args) ? args : {};
  const picked = r.status === "approved" && isObject(r.finalArguments) ? stringOrNull(r.finalArguments.optionName) : null;
  return {
    message: stringOrNull(q.message) ?? "",
    subject: stringOrNull(q.subject),
    responseOptions: responseOptionsOf(q.responseOptions),
    answerOptionName: picked,
  };
}

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
  const question = r.kind === "question";
  // A question has nothing to execute: no final arguments, no token.
  const executable = approved && !question;
  return {
    id: r.id,
    kind: r.kind,
    status,
    verdict: toAgentVerdict(status),
    question: questionView(a, r.arguments),
    answer: question && approved ? (dv?.comment ?? null) : null,
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
          finalArguments: executable ? ((r.finalArguments as JsonValue | null) ?? (r.arguments as JsonValue)) : null,
          finalArgsHash: executable ? (r.finalArgsHash ?? r.argsHash) : null,
        }
      : null,
    executionToken: executable ? r.executionToken : null,
    executionTokenExpiresAt: executable ? iso(r.tokenExpiresAt) : null,
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
  kind: RequestKind;
  agentId: string;
  agentName: string;
  status: ApprovalStatus;
  /** Redacted like the arguments; the answer is `decision.comment`. */
  question: QuestionView | null;
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
    kind: r.kind,
    agentId: r.agentId,
    agentName,
    status: agentView.status,
    question: questionView(a, r.argumentsRedacted),
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
