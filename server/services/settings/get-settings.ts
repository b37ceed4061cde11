import { isAbsolute, relative } from "node:path";
import type { Env } from "../../env";
import { sqlitePathFromUrl } from "../../db/client";
import type { ServiceContext } from "../context";
import { assertAdmin } from "../shared/admin";
import pkg from "../../../package.json" with { type: "json" };

export type SettingsView = {
  version: string;
  node: string;
  publicUrl: string;
  /** The interface the server binds (HOST). */
  host: string;
  database: { kind: "sqlite"; path: string };
  defaultTimeoutSeconds: number;
  executionTokenTtlSeconds: number;
  authRateLimit: boolean;
  /** Where the session-signing secret comes from; never the secret. */
  authSecret: "environment" | "generated file";
  web: boolean;
  slack: { configured: false };
};

/**
 * What this installation runs with, for the read-only settings page. Only
 * what an admin may see: the database's path but no credentials, where the
 * auth secret comes from but not the secret.
 */
export function getSettings({ ctx, env }: { ctx: ServiceContext; env: Env }): SettingsView {
  assertAdmin(ctx.actor);
  const file = sqlitePathFromUrl(env.DATABASE_URL);
  const rel = relative(process.cwd(), file);
  return {
    version: pkg.version,
    node: process.version,
    publicUrl: ctx.config.publicUrl,
    host: env.HOST,
    database: { kind: "sqlite", path: rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file },
    defaultTimeoutSeconds: ctx.config.defaultTimeoutSeconds,
    executionTokenTtlSeconds: ctx.config.executionTokenTtlSeconds,
    authRateLimit: env.COUNTERSIGN_AUTH_RATE_LIMIT === "on",
    authSecret: env.BETTER_AUTH_SECRET ? "environment" : "generated file",
    web: env.COUNTERSIGN_WEB === "on",
    slack: { configured: false },
  };
}
