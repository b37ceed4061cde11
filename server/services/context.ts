import type { Role } from "../domain/auth/roles";
import type { Store, RequestAggregate } from "../db/store";

export const CHANNELS = ["api", "web", "slack", "mcp", "humanlayer", "cli", "policy", "timeout"] as const;
export type Channel = (typeof CHANNELS)[number];

export type Actor =
  | { type: "agent"; agentId: string; agentName: string; keyId: string; channel: Channel }
  | { type: "user"; userId: string; email: string; role: Role; channel: Channel }
  | { type: "system"; job: string; channel: Channel };

export type ServiceConfig = {
  defaultTimeoutSeconds: number;
  executionTokenTtlSeconds: number;
  /** Base URL of the dashboard, for links handed to agents. */
  publicUrl: string;
};

export const DEFAULT_CONFIG: ServiceConfig = {
  defaultTimeoutSeconds: 300,
  executionTokenTtlSeconds: 900,
  publicUrl: "http://localhost:3000",
};

/**
 * Post-commit notifications: wakes waiting agents, live views and the
 * deadline scheduler. In-process only; the database stays the truth, and
 * every waiter re-reads it when its own deadline passes.
 */
export type Hub = {
  requestChanged(aggregate: RequestAggregate): void;
  onRequest(id: string, listener: (a: RequestAggregate) => void): () => void;
  onAny(listener: (a: RequestAggregate) => void): () => void;
};

export type ServiceContext = {
  actor: Actor;
  store: Store;
  now: () => Date;
  hub: Hub;
  config: ServiceConfig;
};

export function actorId(actor: Actor): string {
  switch (actor.type) {
    case "agent":
      return actor.agentId;
    case "user":
      return actor.userId;
    case "system":
      return actor.job;
  }
}

export function actorLabel(actor: Actor): string {
  switch (actor.type) {
    case "agent":
      return `agent:${actor.agentName}`;
    case "user":
      return actor.email;
    case "system":
      return `system:${actor.job}`;
  }
}

export const SYSTEM_TIMEOUT: Actor = { type: "system", job: "deadline", channel: "timeout" };
