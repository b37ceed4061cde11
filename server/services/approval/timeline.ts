import type { JsonValue } from "../../domain/json/canonical";
import type { ActorType } from "../../domain/audit/chain";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { getInputSchema, type GetInput } from "./schemas";

export type TimelineEvent = {
  seq: number;
  at: string;
  actorType: ActorType;
  actorId: string;
  /** Who, in words: the agent's name, the user's email, or `system:<job>`. */
  actorLabel: string;
  action: string;
  /** Redacted when it was written. */
  data: JsonValue;
};

function parseData(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
}

/** Every audit event of one request, oldest first. */
export async function getRequestTimeline({ ctx, input }: { ctx: ServiceContext; input: GetInput }): Promise<TimelineEvent[]> {
  const { id } = getInputSchema.parse(input);
  if (!(await ctx.store.getRequest(id))) throw notFound("request", id);
  const rows = await ctx.store.auditForRequest(id);

  const labels = new Map<string, string>();
  if (rows.some((r) => r.actorType === "agent")) {
    for (const a of await ctx.store.listAgents()) labels.set(`agent:${a.id}`, a.name);
  }
  for (const r of rows) {
    const key = `${r.actorType}:${r.actorId}`;
    if (r.actorType !== "user" || labels.has(key)) continue;
    labels.set(key, (await ctx.store.getUser(r.actorId))?.email ?? r.actorId);
  }

  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actorType: r.actorType,
    actorId: r.actorId,
    actorLabel: r.actorType === "system" ? `system:${r.actorId}` : (labels.get(`${r.actorType}:${r.actorId}`) ?? r.actorId),
    action: r.action,
    data: parseData(r.data),
  }));
}
