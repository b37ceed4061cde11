import { checkClaim, type ClaimRefusal } from "../../domain/approval/execution";
import { effectiveStatus } from "../../domain/approval/status";
import { digestJson } from "../../domain/json/canonical";
import { redact } from "../../domain/redact/redact";
import { actorId, type ServiceContext } from "../context";
import { badRequest, ServiceError, type ServiceErrorCode } from "../errors";
import { claimInputSchema, type ClaimInput } from "./schemas";
import { loadOwnRequest } from "./get";
import { toAgentView, type AgentRequestView } from "./view";

const REFUSALS: Record<ClaimRefusal, { code: ServiceErrorCode; message: string }> = {
  not_approved: { code: "CONFLICT", message: "the request is not approved" },
  already_claimed: { code: "CONFLICT", message: "the execution token was already used" },
  bad_token: { code: "FORBIDDEN", message: "the execution token does not belong to this request" },
  token_expired: { code: "PRECONDITION_FAILED", message: "the execution token has expired; submit the action again" },
  arguments_mismatch: { code: "PRECONDITION_FAILED", message: "these arguments are not the approved ones; execute the approved finalArguments" },
  version_mismatch: { code: "PRECONDITION_FAILED", message: "the target changed since the reviewer saw the preview; submit the action again with a fresh preview" },
  version_required: { code: "PRECONDITION_FAILED", message: "the preview named a targetVersion; report currentVersion when claiming" },
};

/**
 * The agent claims execution with its single-use token, reporting the
 * arguments it will run; the claim is refused unless they are the approved
 * ones and (when the preview named one) the target is still at the version
 * the reviewer looked at.
 */
export async function claimExecution({ ctx, input }: { ctx: ServiceContext; input: ClaimInput }): Promise<AgentRequestView> {
  const parsed = claimInputSchema.parse(input);
  const current = await loadOwnRequest(ctx, parsed.id);
  const r = current.request;
  if (r.kind === "question") throw badRequest("a question has nothing to execute: read its answer from agent.get or agent.wait", { field: "id" });
  const now = ctx.now();
  const executedArgsHash = parsed.arguments ? digestJson(parsed.arguments) : null;
  const preview = r.preview as { targetVersion?: string } | null;
  const check = checkClaim(
    {
      status: effectiveStatus(r, now),
      execution: r.executionStatus,
      executionToken: r.executionToken,
      tokenExpiresAt: r.tokenExpiresAt,
      finalArgsHash: r.finalArgsHash,
      targetVersion: preview?.targetVersion ?? null,
    },
    { executionToken: parsed.executionToken, argsHash: executedArgsHash ?? undefined, currentVersion: parsed.currentVersion },
    now,
  );
  const who = { actorType: "agent" as const, actorId: actorId(ctx.actor), requestId: r.id };
  // The request's facets, so execution events can be found and filtered on their own.
  const facets = { tool: r.tool, agent: ctx.actor.type === "agent" ? ctx.actor.agentName : null, risk: r.risk };
  if (!check.ok) {
    const refusal = REFUSALS[check.reason];
    await ctx.store.appendAudit([{ ...who, action: "execution.claim_refused", data: { reason: check.reason, executedArgsHash, currentVersion: parsed.currentVersion ?? null, ...facets } }], now);
    throw new ServiceError(refusal.code, refusal.message, { reason: check.reason, status: effectiveStatus(r, now) });
  }
  const updated = await ctx.store.claim(r.id, {
    at: now,
    executionToken: parsed.executionToken,
    executedArguments: parsed.arguments ? redact(parsed.arguments).value : null,
    executedArgsHash,
    reportedVersion: parsed.currentVersion ?? null,
    audit: [{ ...who, action: "execution.claimed", data: { executedArgsHash, finalArgsHash: r.finalArgsHash, reportedVersion: parsed.currentVersion ?? null, ...facets } }],
  });
  if (!updated) throw new ServiceError("CONFLICT", REFUSALS.already_claimed.message, { reason: "already_claimed" });
  ctx.hub.requestChanged(updated);
  return toAgentView(updated, ctx.now(), ctx.config);
}
