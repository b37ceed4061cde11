import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { getInputSchema, listInputSchema, type GetInput, type ListInput } from "./schemas";
import { toReviewerView, type ReviewerRequestView } from "./view";
import { agentNameOf } from "./agent-names";
import { decodeListCursor, encodeListCursor } from "./list-cursor";

/**
 * The reviewer's lists. `sort: "deadline"` is the inbox: pending requests not
 * yet past their deadline, the one about to be default-denied first.
 */
export async function listRequests({ ctx, input }: { ctx: ServiceContext; input: ListInput }): Promise<{ items: ReviewerRequestView[]; nextCursor: string | null }> {
  const { status, risk, agentId, tool, sort, cursor, limit, fields } = listInputSchema.parse(input);
  const now = ctx.now();
  const after = cursor ? decodeListCursor(cursor, sort) : null;
  const pendingOnly = sort === "deadline" || status === "pending";
  const rows = await ctx.store.listRequests({
    status: pendingOnly ? "pending" : status,
    risk,
    agentId,
    toolContains: tool ? tool : undefined,
    // A pending request past its deadline reads as expired: it is not in a pending list.
    expiresAfter: pendingOnly ? now : undefined,
    order: sort,
    cursor: after?.sort === "newest" ? after.id : undefined,
    deadlineCursor: after?.sort === "deadline" ? { expiresAt: after.expiresAt, id: after.id } : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const names = new Map((await ctx.store.listAgents()).map((a) => [a.id, a.name]));
  const last = page.at(-1)?.request;
  return {
    items: page.map((a) => {
      const view = toReviewerView(a, names.get(a.request.agentId) ?? a.request.agentId, now, ctx.config);
      return fields === "summary" ? withoutDetails(view) : view;
    }),
    nextCursor:
      rows.length > limit && last
        ? encodeListCursor(sort === "deadline" ? { sort, expiresAt: last.expiresAt, id: last.id } : { sort, id: last.id })
        : null,
  };
}

function withoutDetails(v: ReviewerRequestView): ReviewerRequestView {
  return {
    ...v,
    arguments: null,
    redactedPaths: [],
    annotations: null,
    preview: null,
    argumentsSchema: null,
    decision: v.decision ? { ...v.decision, finalArguments: null } : null,
    // A list shows a question's first lines; its 20 000-character message belongs to the detail page.
    question: v.question ? { ...v.question, message: clip(v.question.message, SUMMARY_MESSAGE_CHARS) } : null,
  };
}

export const SUMMARY_MESSAGE_CHARS = 500;

/** The first `max` characters (code points, so no surrogate pair is split), with "…" when cut. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max).join("")}…`;
}

export async function getRequestForReview({ ctx, input }: { ctx: ServiceContext; input: GetInput }): Promise<ReviewerRequestView> {
  const { id } = getInputSchema.parse(input);
  const a = await ctx.store.getRequest(id);
  if (!a) throw notFound("request", id);
  return toReviewerView(a, await agentNameOf(ctx, a.request.agentId), ctx.now(), ctx.config);
}

/** Agents by name, for the inbox's agent filter (viewers may not read the admin's agent list). */
export async function listAgentNames({ ctx }: { ctx: ServiceContext }): Promise<{ id: string; name: string }[]> {
  const agents = await ctx.store.listAgents();
  return agents.map((a) => ({ id: a.id, name: a.name })).sort((a, b) => a.name.localeCompare(b.name));
}
