import type { SafetyMode } from "../../domain/approval/annotations";
import type { ServiceContext } from "../context";
import { assertAdmin } from "../shared/admin";

export type ApiKeyView = { id: string; prefix: string; createdAt: string; revokedAt: string | null };

export type AgentView = {
  id: string;
  name: string;
  mode: SafetyMode;
  createdAt: string;
  disabledAt: string | null;
  /** When the agent last submitted a request; null if never. */
  lastRequestAt: string | null;
  /** Newest first; the key itself is never stored, only its first characters. */
  keys: ApiKeyView[];
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Every agent with its keys (prefixes only) and last activity, for the admin page. */
export async function listAgents({ ctx }: { ctx: ServiceContext }): Promise<AgentView[]> {
  assertAdmin(ctx.actor);
  const [agents, keys, activity] = await Promise.all([ctx.store.listAgents(), ctx.store.listApiKeys(), ctx.store.agentActivity()]);
  const last = new Map(activity.map((a) => [a.agentId, a.lastRequestAt]));
  const keysOf = new Map<string, ApiKeyView[]>();
  for (const k of keys) {
    const list = keysOf.get(k.agentId) ?? [];
    list.unshift({ id: k.id, prefix: k.prefix, createdAt: k.createdAt.toISOString(), revokedAt: iso(k.revokedAt) });
    keysOf.set(k.agentId, list);
  }
  return agents.map((a) => ({
    id: a.id,
    name: a.name,
    mode: a.mode,
    createdAt: a.createdAt.toISOString(),
    disabledAt: iso(a.disabledAt),
    lastRequestAt: iso(last.get(a.id) ?? null),
    keys: keysOf.get(a.id) ?? [],
  }));
}
