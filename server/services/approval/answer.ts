import { transition } from "../../domain/approval/status";
import { redactString } from "../../domain/redact/redact";
import { actorId, actorLabel, type ServiceContext } from "../context";
import { badRequest, notFound } from "../errors";
import { answerInputSchema, type AnswerInput } from "./schemas";
import { alreadyDecided } from "./already-decided";
import { agentNameOf } from "./agent-names";
import { questionView, type ReviewerRequestView } from "./view";
import { newId } from "./tokens";
import { assertCanDecide, commitDecision } from "./commit-decision";

/**
 * A reviewer answers an agent's question. The answer is an approval whose
 * comment is the answer: same conditional write as any decision, so a
 * question is answered (or dismissed, or expired) exactly once. There is
 * nothing to execute, so no execution token is issued.
 */
export async function answerQuestion({ ctx, input }: { ctx: ServiceContext; input: AnswerInput }): Promise<ReviewerRequestView> {
  assertCanDecide(ctx.actor);
  const { id, answer, optionName } = answerInputSchema.parse(input);
  const current = await ctx.store.getRequest(id);
  if (!current) throw notFound("request", id);
  const r = current.request;
  if (r.kind !== "question") {
    throw badRequest("only questions are answered; approve or deny an action with review.decide", { field: "id", kind: r.kind });
  }
  const now = ctx.now();
  const t = transition(r, { type: "approve" }, now);
  if (!t.ok) throw alreadyDecided(current, now);

  if (optionName !== undefined) {
    const names = questionView(current, r.arguments)?.responseOptions?.map((o) => o.name) ?? [];
    if (!names.includes(optionName)) {
      throw badRequest(
        names.length > 0 ? `optionName must be one of the question's response options: ${names.join(", ")}` : "this question has no response options; answer without optionName",
        { field: "optionName", options: names },
      );
    }
  }

  const by = actorLabel(ctx.actor);
  const agentName = await agentNameOf(ctx, r.agentId);
  return commitDecision(
    ctx,
    current,
    {
      to: t.to,
      at: now,
      requireBefore: now,
      // Where the picked option is kept; the answer itself is the decision's comment.
      finalArguments: { optionName: optionName ?? null },
      decision: {
        id: newId(),
        outcome: "approved",
        actorType: "user",
        actorId: actorId(ctx.actor),
        actorLabel: by,
        channel: ctx.actor.channel,
        comment: answer,
        modified: false,
        finalArguments: null,
        createdAt: now,
      },
      audit: [
        {
          actorType: "user",
          actorId: actorId(ctx.actor),
          action: "request.approved",
          requestId: id,
          data: {
            kind: "question",
            by,
            channel: ctx.actor.channel,
            // A person may answer with a credential the agent asked for; the log keeps it redacted.
            comment: redactString(answer),
            optionName: optionName ?? null,
            modified: false,
            tool: r.tool,
            agent: agentName,
            risk: r.risk,
            waitedMs: now.getTime() - r.createdAt.getTime(),
          },
        },
      ],
      outbox: r.callbackUrl ? [{ kind: "webhook", payload: { requestId: id } }] : [],
    },
    agentName,
  );
}
