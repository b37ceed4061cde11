import { digestJson, type JsonObject, type JsonValue } from "../../domain/json/canonical";
import { redact } from "../../domain/redact/redact";
import type { ApprovalStatus } from "../../domain/approval/status";
import type { RequestKind } from "../../domain/approval/kind";
import type { ToolAnnotations } from "../../domain/approval/annotations";
import type { RiskTier } from "../../domain/approval/risk";
import type { Verdict } from "../../domain/policy/evaluate";
import type { ActionRequestRow, AgentRow } from "../../db/schema";
import type { AuditDraft, NewDecision } from "../../db/store";
import { actorId, type Actor, type ServiceContext } from "../context";
import { conflict, forbidden } from "../errors";
import { toAgentView, type AgentRequestView } from "./view";
import { newExecutionToken, newId } from "./tokens";

type AgentActor = Extract<Actor, { type: "agent" }>;

/** Everything a new request is made of once its channel's verb has parsed the input and settled the verdict. */
export type NewRequest = {
  kind: RequestKind;
  tool: string;
  arguments: JsonObject;
  annotations: ToolAnnotations;
  summary: string | null;
  reason: string | null;
  preview: JsonObject | null;
  argumentsSchema: JsonObject | null;
  session: string | null;
  resources: string[] | null;
  callbackUrl: string | null;
  idempotencyKey: string | null;
  /** The verb's parsed input: a repeated idempotency key must come with the same one. */
  body: unknown;
  /** Opaque, returned unchanged to the submitting channel (see `channelData` in the schema). */
  channelData: JsonObject | null;
  timeoutSeconds: number | undefined;
  risk: RiskTier;
  riskReasons: string[];
  verdict: Verdict;
  agentMode: string;
};

/** The submitting agent, still present (its key may outlive a deleted agent row). */
export async function submittingAgent(ctx: ServiceContext, what: string): Promise<{ actor: AgentActor; agent: AgentRow }> {
  const actor = ctx.actor;
  if (actor.type !== "agent") throw forbidden(`only agents submit ${what}`);
  const agent = await ctx.store.getAgent(actor.agentId);
  if (!agent) throw forbidden("this API key's agent no longer exists");
  return { actor, agent };
}

/**
 * The one write path for new requests, actions and questions alike: the
 * request, the policy's verdict and any automatic decision are written in
 * one transaction before the agent hears back. A repeated idempotency key
 * with the same body returns the earlier request; with another body, CONFLICT.
 */
export async function writeNewRequest(ctx: ServiceContext, actor: AgentActor, agent: AgentRow, n: NewRequest): Promise<AgentRequestView> {
  const now = ctx.now();
  const { verdict, risk } = n;
  const argsHash = digestJson(n.arguments);
  const args = redact(n.arguments as JsonValue);
  const preview = n.preview ? redact(n.preview as JsonValue).value : null;
  const id = newId();
  const status: ApprovalStatus = verdict.effect === "allow" ? "approved" : verdict.effect === "deny" ? "denied" : "pending";
  const timeoutSeconds = n.timeoutSeconds ?? ctx.config.defaultTimeoutSeconds;
  const approved = status === "approved";

  const row: ActionRequestRow = {
    id,
    agentId: agent.id,
    kind: n.kind,
    tool: n.tool,
    summary: n.summary,
    reason: n.reason,
    arguments: n.arguments,
    argumentsRedacted: args.value,
    redactedPaths: args.paths,
    argsHash,
    annotations: n.annotations,
    preview,
    previewDigest: n.preview ? digestJson(n.preview) : null,
    argumentsSchema: n.argumentsSchema,
    session: n.session,
    resources: n.resources,
    callbackUrl: n.callbackUrl,
    apiKeyId: actor.keyId,
    idempotencyKey: n.idempotencyKey,
    // Without channel data the hash is the input's alone, as it always was.
    bodyHash: digestJson(n.channelData ? { body: n.body, channelData: n.channelData } : n.body),
    risk,
    riskReasons: n.riskReasons,
    policyEffect: verdict.effect,
    policyReason: verdict.reason,
    status,
    createdAt: now,
    expiresAt: new Date(now.getTime() + timeoutSeconds * 1000),
    decidedAt: status === "pending" ? null : now,
    finalArguments: approved ? n.arguments : null,
    finalArgsHash: approved ? argsHash : null,
    executionToken: approved ? newExecutionToken() : null,
    tokenExpiresAt: approved ? new Date(now.getTime() + ctx.config.executionTokenTtlSeconds * 1000) : null,
    executionStatus: null,
    channelData: n.channelData,
  };

  const policyDecision: NewDecision | null =
    status === "pending"
      ? null
      : {
          id: newId(),
          outcome: status === "approved" ? "approved" : "denied",
          actorType: "system",
          actorId: "policy",
          actorLabel: "policy",
          channel: "policy",
          comment: verdict.reason,
          modified: false,
          finalArguments: approved ? args.value : null,
          createdAt: now,
        };

  // Questions say so in every event, so the log can tell them apart; actions keep their events as they were.
  const kind: JsonObject = n.kind === "question" ? { kind: n.kind } : {};
  const base = { actorType: "agent" as const, actorId: actorId(actor), requestId: id };
  const audit: AuditDraft[] = [
    {
      ...base,
      action: "request.submitted",
      data: {
        ...kind,
        tool: row.tool,
        summary: row.summary,
        agent: agent.name,
        channel: actor.channel,
        arguments: args.value,
        argsHash,
        previewDigest: row.previewDigest,
        risk,
        expiresAt: row.expiresAt.toISOString(),
        idempotencyKey: row.idempotencyKey,
      },
    },
    {
      ...base,
      actorType: "system",
      actorId: "policy",
      action: "policy.evaluated",
      data: { ...kind, effect: verdict.effect, reason: verdict.reason, risk, riskReasons: n.riskReasons, requiredMode: verdict.requiredMode, agentMode: n.agentMode, tool: row.tool, agent: agent.name },
    },
  ];
  if (status !== "pending") {
    audit.push({
      ...base,
      actorType: "system",
      actorId: "policy",
      action: `request.${status}`,
      data: { ...kind, channel: "policy", reason: verdict.reason, tool: row.tool, agent: agent.name, risk, waitedMs: 0 },
    });
  }

  const result = await ctx.store.insertRequest(row, policyDecision, audit);
  if (result.kind === "idempotency_conflict") {
    throw conflict(
      `idempotencyKey "${row.idempotencyKey ?? ""}" was already used by request ${result.existingId} with a different body`,
      { idempotencyKey: row.idempotencyKey, existingId: result.existingId },
    );
  }
  if (result.kind === "created") ctx.hub.requestChanged(result.aggregate);
  return toAgentView(result.aggregate, ctx.now(), ctx.config);
}
