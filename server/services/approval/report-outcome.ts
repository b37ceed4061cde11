import { checkOutcome } from "../../domain/approval/execution";
import { actorId, type ServiceContext } from "../context";
import { conflict } from "../errors";
import { reportOutcomeInputSchema, type ReportOutcomeInput } from "./schemas";
import { loadOwnRequest } from "./get";
import { toAgentView, type AgentRequestView } from "./view";

/** After a claimed execution, the agent says how it went; once. */
export async function reportOutcome({ ctx, input }: { ctx: ServiceContext; input: ReportOutcomeInput }): Promise<AgentRequestView> {
  const { id, outcome, detail } = reportOutcomeInputSchema.parse(input);
  const current = await loadOwnRequest(ctx, id);
  const check = checkOutcome(current.request.executionStatus);
  const notClaimed = "claim the execution before reporting its outcome";
  if (!check.ok) throw conflict(check.reason === "not_claimed" ? notClaimed : "the outcome was already reported", { reason: check.reason });
  const now = ctx.now();
  const updated = await ctx.store.reportOutcome(id, {
    at: now,
    outcome,
    detail: detail ?? null,
    audit: [
      {
        actorType: "agent",
        actorId: actorId(ctx.actor),
        action: "execution.reported",
        requestId: id,
        // With the request's facets, so "failed executions of this agent" is one filter.
        data: { outcome, detail: detail ?? null, tool: current.request.tool, agent: ctx.actor.type === "agent" ? ctx.actor.agentName : null, risk: current.request.risk },
      },
    ],
  });
  if (!updated) throw conflict("the outcome was already reported", { reason: "already_reported" });
  ctx.hub.requestChanged(updated);
  return toAgentView(updated, ctx.now(), ctx.config);
}
