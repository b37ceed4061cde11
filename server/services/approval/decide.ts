import { digestJson, type JsonObject, type JsonValue } from "../../domain/json/canonical";
import { redact, restoreRedacted } from "../../domain/redact/redact";
import { transition, type ApprovalEvent } from "../../domain/approval/status";
import type { DecideWrite } from "../../db/store";
import { actorId, actorLabel, type ServiceContext } from "../context";
import { badRequest, notFound } from "../errors";
import { decideInputSchema, type DecideInput } from "./schemas";
import { checkArguments } from "./arguments-schema";
import { alreadyDecided } from "./already-decided";
import { agentNameOf } from "./agent-names";
import type { ReviewerRequestView } from "./view";
import { newExecutionToken, newId } from "./tokens";
import { assertCanDecide, commitDecision } from "./commit-decision";

/**
 * A reviewer approves (as proposed or with modified arguments) or denies.
 * Every channel decides through here; the conditional write in the store
 * makes the first decision the only one. A question is answered with
 * `answerQuestion`, not approved; a denial dismisses it.
 */
export async function decideRequest({ ctx, input }: { ctx: ServiceContext; input: DecideInput }): Promise<ReviewerRequestView> {
  assertCanDecide(ctx.actor);
  const { id, decision } = decideInputSchema.parse(input);
  const current = await ctx.store.getRequest(id);
  if (!current) throw notFound("request", id);
  const r = current.request;
  const now = ctx.now();
  if (r.kind === "question" && decision.type === "approve") {
    throw badRequest("answer a question with review.answer; approving it would give the agent no answer", { field: "decision", kind: r.kind });
  }

  const event: ApprovalEvent =
    decision.type === "approve" ? { type: "approve", finalArguments: decision.finalArguments } : { type: "deny", reason: decision.reason };
  const t = transition(r, event, now);
  if (!t.ok) throw alreadyDecided(current, now);

  let finalArguments: JsonObject = r.arguments as JsonObject;
  if (decision.type === "approve" && decision.finalArguments) {
    // Reviewers edit the redacted view; an untouched "[REDACTED]" means "keep the secret".
    finalArguments = restoreRedacted(r.arguments as JsonValue, r.argumentsRedacted as JsonValue, decision.finalArguments) as JsonObject;
    if (r.argumentsSchema) {
      const problems = checkArguments(r.argumentsSchema as JsonObject, finalArguments);
      if (problems.length > 0) {
        throw badRequest(`finalArguments do not satisfy the request's argumentsSchema: ${problems.map((p) => `${p.path} ${p.message}`).join("; ")}`, {
          field: "finalArguments",
          problems,
        });
      }
    }
  }
  const finalArgsHash = digestJson(finalArguments);
  const modified = decision.type === "approve" && finalArgsHash !== r.argsHash;
  const shownFinal = decision.type === "approve" ? redact(finalArguments as JsonValue).value : null;
  const approve = decision.type === "approve";
  const comment = decision.type === "approve" ? (decision.comment ?? null) : decision.reason;
  const by = actorLabel(ctx.actor);
  const agentName = await agentNameOf(ctx, r.agentId);
  // Every decision event carries its request's facets, so it can be found and filtered on its own.
  const facets = { ...(r.kind === "question" ? { kind: r.kind } : {}), tool: r.tool, agent: agentName, risk: r.risk, waitedMs: now.getTime() - r.createdAt.getTime() };

  const write: DecideWrite = {
    to: t.to,
    at: now,
    requireBefore: now,
    decision: {
      id: newId(),
      outcome: approve ? "approved" : "denied",
      actorType: "user",
      actorId: actorId(ctx.actor),
      actorLabel: by,
      channel: ctx.actor.channel,
      comment,
      modified,
      finalArguments: shownFinal,
      createdAt: now,
    },
    audit: [
      {
        actorType: "user",
        actorId: actorId(ctx.actor),
        action: approve ? "request.approved" : "request.denied",
        requestId: id,
        data: approve
          ? { by, channel: ctx.actor.channel, comment, modified, finalArguments: shownFinal, finalArgsHash, originalArgsHash: r.argsHash, ...facets }
          : { by, channel: ctx.actor.channel, reason: comment, ...facets },
      },
    ],
    outbox: r.callbackUrl ? [{ kind: "webhook", payload: { requestId: id } }] : [],
  };
  if (approve) {
    write.finalArguments = finalArguments;
    write.finalArgsHash = finalArgsHash;
    write.executionToken = newExecutionToken();
    write.tokenExpiresAt = new Date(now.getTime() + ctx.config.executionTokenTtlSeconds * 1000);
  }

  return commitDecision(ctx, current, write, agentName);
}
