import type { IncomingHttpHeaders } from "node:http";
import { fromNodeHeaders } from "better-auth/node";
import type { Runtime } from "../runtime/runtime";
import type { Actor } from "../services/context";
import { authenticateApiKey, bearerToken } from "../services/agents/authenticate";
import { resolveSessionUser } from "../auth/session";

export type AgentActor = Extract<Actor, { type: "agent" }>;
export type UserActor = Extract<Actor, { type: "user" }>;

export type TrpcContext = {
  rt: Runtime;
  method: string;
  headers: IncomingHttpHeaders;
  /** Resolved lazily and once: most calls need only one of the two. */
  agent(): Promise<AgentActor | null>;
  user(): Promise<UserActor | null>;
};

const once = <T>(fn: () => Promise<T>) => {
  let p: Promise<T> | null = null;
  return () => (p ??= fn());
};

/** Builds the context without HTTP, for tests (tRPC's createCaller pattern) and for the HTTP adapter below. */
export function createContextInner(opts: {
  rt: Runtime;
  method?: string;
  headers?: IncomingHttpHeaders;
  agent?: AgentActor | null;
  user?: UserActor | null;
}): TrpcContext {
  const headers = opts.headers ?? {};
  return {
    rt: opts.rt,
    method: opts.method ?? "POST",
    headers,
    agent: opts.agent !== undefined ? () => Promise.resolve(opts.agent ?? null) : once(() => authenticateApiKey(opts.rt.store, bearerToken(headers.authorization), "api")),
    user: opts.user !== undefined ? () => Promise.resolve(opts.user ?? null) : once(() => resolveSessionUser(opts.rt, fromNodeHeaders(headers), "web")),
  };
}
