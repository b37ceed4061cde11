import type { JsonObject } from "../../domain/json/canonical";
import type { RequestKind } from "../../domain/approval/kind";
import type { ServiceContext } from "../context";
import { ServiceError } from "../errors";
import { toAgentView, type AgentRequestView } from "./view";

/** An agent's own request and what it submitted, for channels that address requests by their own ids. */
export type SubmittedRequest = {
  kind: RequestKind;
  view: AgentRequestView;
  tool: string;
  /** As submitted (not redacted: it is the agent's own). */
  arguments: JsonObject;
  session: string | null;
  channelData: JsonObject | null;
};

/**
 * The calling agent's request with this idempotency key. HumanLayer's
 * call_id is one: another agent's key, like an unknown one, reads as not found.
 */
export async function findOwnRequestByKey({ ctx, input }: { ctx: ServiceContext; input: { idempotencyKey: string } }): Promise<SubmittedRequest> {
  const actor = ctx.actor;
  const a = actor.type === "agent" ? await ctx.store.findRequestByIdempotencyKey(actor.agentId, input.idempotencyKey) : null;
  if (!a) throw new ServiceError("NOT_FOUND", `no request with idempotencyKey "${input.idempotencyKey}"`, { idempotencyKey: input.idempotencyKey });
  const r = a.request;
  return {
    kind: r.kind,
    view: toAgentView(a, ctx.now(), ctx.config),
    tool: r.tool,
    arguments: r.arguments as JsonObject,
    session: r.session,
    channelData: (r.channelData as JsonObject | null) ?? null,
  };
}
