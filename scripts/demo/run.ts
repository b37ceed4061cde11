import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { loadEnv } from "../../server/env";
import { sqlitePathFromUrl } from "../../server/db/client";
import { openSqliteStore } from "../../server/db/sqlite";
import { createHub } from "../../server/runtime/hub";
import { DEFAULT_CONFIG, type ServiceContext } from "../../server/services/context";
import { createUser } from "../../server/services/users/create-user";
import { createAgent } from "../../server/services/agents/create-agent";
import { DEMO_AGENTS, type DemoAgentName } from "./scenarios";
import { SimulatedAgents } from "./simulate";

const ADMIN_EMAIL = "admin@demo.example";

/** Seeds the fresh demo database through the same verbs the CLI uses: one admin, one agent per role in the story. */
async function seed(): Promise<{ password: string; keys: Record<DemoAgentName, string> }> {
  const env = loadEnv();
  const { store } = openSqliteStore(sqlitePathFromUrl(env.DATABASE_URL));
  const ctx: ServiceContext = { actor: { type: "system", job: "demo", channel: "cli" }, store, now: () => new Date(), hub: createHub(), config: DEFAULT_CONFIG };
  try {
    const password = randomBytes(12).toString("base64url");
    await createUser({ ctx, input: { email: ADMIN_EMAIL, name: "Demo Admin", password, role: "admin" } });
    const keys = {} as Record<DemoAgentName, string>;
    for (const a of DEMO_AGENTS) keys[a.name] = (await createAgent({ ctx, input: { name: a.name, mode: a.mode } })).apiKey;
    return { password, keys };
  } finally {
    store.close();
  }
}

async function waitForHealth(base: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer on ${base} within ${timeoutMs / 1000} s`);
}

const { password, keys } = await seed();
const env = loadEnv();
if (env.PORT === 0) throw new Error("the demo needs a fixed PORT");
const base = `http://${env.HOST === "0.0.0.0" ? "127.0.0.1" : env.HOST}:${env.PORT}`;
const publicUrl = env.COUNTERSIGN_PUBLIC_URL ?? `http://localhost:${env.PORT}`;
const agents = new SimulatedAgents(base, keys);

// Registered before the server's own handlers, so the agents stop first; the server then shuts down and exits.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => agents.stop(signal));

await import(pathToFileURL(join(import.meta.dirname, "..", "..", "server", "main.ts")).href);
await waitForHealth(base);

console.log(`
  Countersign demo — ${publicUrl}

    sign in as   ${ADMIN_EMAIL}
    password     ${password}        (random, printed once; the demo database is reset on every run)

  Simulated agents submit requests every few seconds through the agent API.
  Approve, modify or deny them in the inbox and watch the agents react below.
  Ctrl-C stops everything.
`);
agents.start();
