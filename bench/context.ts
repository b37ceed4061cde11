import { bearer, resultData, type HttpPool, type TrpcClient } from "./http-pool";
import { mapLimit } from "./stats";

/** What every scenario gets: the server, a connection pool and the credentials created before start. */
export type BenchContext = {
  url: string;
  pool: HttpPool;
  trpc: TrpcClient;
  /** Agents' API keys; request i belongs to keys[i % keys.length]. */
  keys: string[];
  /** The reviewer's session cookie. */
  cookie: string;
  /** The server process, for /proc CPU and memory figures. */
  serverPid: number;
  /** The SQLite file the server writes (read-only cross-checks from the audit trail). */
  databaseFile: string;
  log: (line: string) => void;
};

export type AgentView = { id: string; status: string; expiresAt: string; decision: { outcome: string } | null };

let seq = 0;

/**
 * A realistic submit body: a config change with ~300 bytes of arguments and a
 * two-change preview. Each call differs (its own content), as real requests do.
 */
export function submitBody(timeoutSeconds = 300): Record<string, unknown> {
  const n = ++seq;
  return {
    tool: "github.update_file",
    arguments: {
      owner: "acme",
      repo: "platform-config",
      path: "services/checkout/deploy.yaml",
      branch: "main",
      message: `Scale checkout to 5 replicas and roll image to v2.14.${n}`,
      content: `replicas: 5\nimage: registry.acme.dev/checkout:v2.14.${n}\nresources:\n  cpu: 500m\n  memory: 512Mi\n`,
      sha: "3f9a1c07be2d4e51a8c6f0d9b7e3a2c1d4f5e6a7",
    },
    annotations: { destructiveHint: false, idempotentHint: true, openWorldHint: true },
    summary: `Scale checkout to 5 replicas (v2.14.${n})`,
    preview: {
      changes: [
        { path: "services/checkout/deploy.yaml#replicas", from: 3, to: 5 },
        { path: "services/checkout/deploy.yaml#image", from: "registry.acme.dev/checkout:v2.13.9", to: `registry.acme.dev/checkout:v2.14.${n}` },
      ],
      impact: "Checkout capacity +66%; rolling restart of 3 pods",
      reversible: true,
    },
    timeoutSeconds,
  };
}

/** Submits one request as agent `keyIndex` and returns its view; throws unless HTTP 200 and pending. */
export async function submitPending(ctx: BenchContext, keyIndex: number, timeoutSeconds = 300): Promise<AgentView & { key: string }> {
  const key = ctx.keys[keyIndex % ctx.keys.length] as string;
  const view = resultData<AgentView>(await ctx.trpc.mutation("agent.submit", submitBody(timeoutSeconds), bearer(key)));
  if (view.status !== "pending") throw new Error(`expected a pending request, got ${view.status}`);
  return { ...view, key };
}

/** The reviewer approves request `id` with the session cookie (and our own Origin, as the dashboard would send). */
export async function decide(ctx: BenchContext, id: string): Promise<void> {
  const res = await ctx.trpc.mutation("review.decide", { id, decision: { type: "approve", comment: "lgtm" } }, { cookie: ctx.cookie, origin: ctx.url }, 30_000);
  resultData(res);
}

/** Submits `n` pending requests, 32 at a time; request i belongs to agent i. */
export async function submitMany(ctx: BenchContext, n: number, timeoutSeconds = 300): Promise<(AgentView & { key: string })[]> {
  return mapLimit(
    Array.from({ length: n }, (_, i) => i),
    32,
    (i) => submitPending(ctx, i, timeoutSeconds),
  );
}
