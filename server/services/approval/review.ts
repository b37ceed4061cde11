import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { getInputSchema, listInputSchema, type GetInput, type ListInput } from "./schemas";
import { toReviewerView, type ReviewerRequestView } from "./view";
import { agentNameOf } from "./agent-names";

export async function listRequests({ ctx, input }: { ctx: ServiceContext; input: ListInput }): Promise<{ items: ReviewerRequestView[]; nextCursor: string | null }> {
  const { status, cursor, limit } = listInputSchema.parse(input);
  const rows = await ctx.store.listRequests({ status, cursor, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const names = new Map((await ctx.store.listAgents()).map((a) => [a.id, a.name]));
  const now = ctx.now();
  return {
    items: page.map((a) => toReviewerView(a, names.get(a.request.agentId) ?? a.request.agentId, now, ctx.config)),
    nextCursor: rows.length > limit ? (page.at(-1)?.request.id ?? null) : null,
  };
}

export async function getRequestForReview({ ctx, input }: { ctx: ServiceContext; input: GetInput }): Promise<ReviewerRequestView> {
  const { id } = getInputSchema.parse(input);
  const a = await ctx.store.getRequest(id);
  if (!a) throw notFound("request", id);
  return toReviewerView(a, await agentNameOf(ctx, a.request.agentId), ctx.now(), ctx.config);
}
