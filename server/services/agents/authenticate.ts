import type { Store } from "../../db/store";
import type { Actor, Channel } from "../context";
import { API_KEY_PREFIX, hashApiKey } from "./api-keys";

/** A bearer key → the agent actor, or null for a missing, unknown or revoked key (and a disabled agent). */
export async function authenticateApiKey(store: Store, key: string | null | undefined, channel: Channel): Promise<Extract<Actor, { type: "agent" }> | null> {
  if (!key || !key.startsWith(API_KEY_PREFIX) || key.length > 200) return null;
  const found = await store.findAgentByKeyHash(hashApiKey(key));
  if (!found) return null;
  return { type: "agent", agentId: found.agent.id, agentName: found.agent.name, keyId: found.keyId, channel };
}

export function bearerToken(header: string | string[] | undefined | null): string | null {
  const h = Array.isArray(header) ? header[0] : header;
  if (!h) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m?.[1] ?? null;
}
