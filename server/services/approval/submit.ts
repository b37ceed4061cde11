import { digestJson, type JsonValue } from "../../domain/json/canonical";
import { redact } from "../../domain/redact/redact";
import { deriveRisk } from "../../domain/approval/risk";
import { evaluate } from "../../domain/policy/evaluate";
import type { ApprovalStatus } from "../../domain/approval/status";
import type { ActionRequestRow } from "../../db/schema";
import type { AuditDraft, NewDecision } from "../../db/store";
import { actorId, type ServiceContext } from "../context";
import { badRequest, conflict, forbidden } from "../errors";
import { submitInputSchema, type SubmitInput } from "./schemas";
import { compileArgumentsSchema } from "./arguments-schema";
import { toAgentView, type AgentRequestView } from "./view";
import { newExecutionToken, newId } from "./tokens";

/**
 * An agent proposes an action. Policy decides at once whether it needs a
 * human; either way the request, the verdict and any automatic decision are
 * written in one transaction before the agent hears back.
 */
export async function submitRequest({ ctx, input }: { ctx: ServiceContext; input: SubmitInput }): Promise<AgentRequestView> {
  const actor = ctx.actor;
  if (actor.type !== "agent") throw forbidden("only agents submit action requests");
  const parsed = submitInputSchema.parse(input);
  if (parsed.argumentsSchema) {
    const compiled = compileArgumentsSchema(parsed.argumentsSchema);
    if (!compiled.ok) throw badRequest(`argumentsSchema is not a usable JSON Schema: ${compiled.error}`, { field: "argumentsSchema" });
  }
  const agent = await ctx.store.getAgent(actor.agentId);
  if (!agent) throw forbidden("this API key's agent no longer exists");

  const now = ctx.now();
  const annotations = parsed.annotations ?? {};
  const { risk, reasons: riskReasons } = deriveRisk({ tool: parsed.tool, annotations, preview: parsed.preview ?? null });
  const verdict = evaluate({ tool: parsed.tool, annotations, risk }, { agentMode: agent.mode });
  const argsHash = digestJson(parsed.arguments);
  const args = redact(parsed.arguments as JsonValue);
  const preview = parsed.preview ? redact(parsed.preview as JsonValue).value : null;
  const id = newId();
  const status: ApprovalStatus = verdict.effect === "allow" ? "approved" : verdict.effect === "deny" ? "denied" : "pending";
  const timeoutSeconds = parsed.timeoutSeconds ?? ctx.config.defaultTimeoutSeconds;
  const approved = status === "approved";

  const row: ActionRequestRow = {
    id,
    agentId: agent.id,
    tool: parsed.tool,
    summary: parsed.summary ?? null,
    reason: parsed.reason ?? null,
    arguments: parsed.arguments,
    argumentsRedacted: args.value,
    redactedPaths: args.paths,
    argsHash,
    annotations,
    preview,
    previewDigest: parsed.preview ? digestJson(parsed.preview) : null,
    argumentsSchema: parsed.argumentsSchema ?? null,
    session: parsed.session ?? null,
    resources: parsed.resources ?? null,
    callbackUrl: parsed.callbackUrl ?? null,
    apiKeyId: actor.keyId,
    idempotencyKey: parsed.idempotencyKey ?? null,
    bodyHash: digestJson(parsed),
    risk,
    riskReasons,
    policyEffect: verdict.effect,
    policyReason: verdict.reason,
    status,
    createdAt: now,
    expiresAt: new Date(now.getTime() + timeoutSeconds * 1000),
    decidedAt: status === "pending" ? null : now,
    finalArguments: approved ? parsed.arguments : null,
    finalArgsHash: approved ? argsHash : null,
    executionToken: approved ? newExecutionToken() : null,
    tokenExpiresAt: approved ? new Date(now.getTime() + ctx.config.executionTokenTtlSeconds * 1000) : null,
    executionStatus: null,
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

  const base = { actorType: "agent" as const, actorId: actorId(actor), requestId: id };
  const audit: AuditDraft[] = [
    {
      ...base,
      action: "request.submitted",
      data: {
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
      data: { effect: verdict.effect, reason: verdict.reason, risk, riskReasons, requiredMode: verdict.requiredMode, agentMode: agent.mode, tool: row.tool, agent: agent.name },
    },
  ];
  if (status !== "pending") {
    audit.push({
      ...base,
      actorType: "system",
      actorId: "policy",
      action: `request.${status}`,
      data: { channel: "policy", reason: verdict.reason, tool: row.tool, agent: agent.name, risk, waitedMs: 0 },
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
