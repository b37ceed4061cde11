import { dirname, join } from "node:path";
import { loadEnv, publicUrlOf, type Env } from "../env";
import { sqlitePathFromUrl, type Db } from "../db/client";
import { openSqliteStore } from "../db/sqlite";
import type { Store } from "../db/store";
import { createAuth, type Auth } from "../auth/auth";
import { DEFAULT_CONFIG, SYSTEM_TIMEOUT, type Actor, type Hub, type ServiceConfig, type ServiceContext } from "../services/context";
import { expireDueRequests } from "../services/approval/expire-due";
import { createHub } from "./hub";
import { DeadlineScheduler } from "./scheduler";
import { loadOrCreateSecret } from "./secret";
import { OutboxWorker } from "./outbox-worker";

export type Runtime = {
  env: Env;
  db: Db;
  store: Store;
  hub: Hub;
  scheduler: DeadlineScheduler;
  outbox: OutboxWorker;
  auth: Auth;
  config: ServiceConfig;
  now: () => Date;
  svc(actor: Actor): ServiceContext;
  /** Origins whose cookie-authenticated requests are ours (sign-in, dashboard mutations). */
  trustedOrigins(): string[];
  /** Called once the server listens: with PORT=0 only then is the real port known. */
  setListenPort(port: number): void;
  close(): void;
};

export function createRuntime(env: Env, opts: { now?: () => Date } = {}): Runtime {
  const file = sqlitePathFromUrl(env.DATABASE_URL);
  const { db, store } = openSqliteStore(file);
  const now = opts.now ?? (() => new Date());
  const hub = createHub();
  let port = env.PORT;
  const publicUrl = publicUrlOf(env);
  const config: ServiceConfig = {
    ...DEFAULT_CONFIG,
    defaultTimeoutSeconds: env.COUNTERSIGN_DEFAULT_TIMEOUT_SECONDS,
    executionTokenTtlSeconds: env.COUNTERSIGN_EXECUTION_TOKEN_TTL_SECONDS,
    publicUrl,
  };
  const svc = (actor: Actor): ServiceContext => ({ actor, store, now, hub, config });
  const scheduler = new DeadlineScheduler({
    expireDue: () => expireDueRequests({ ctx: svc(SYSTEM_TIMEOUT) }),
    nextDeadline: () => store.nextDeadline(),
    sweepEveryMs: 5_000,
    now: () => now().getTime(),
    onError: (e) => console.error("deadline scheduler:", e),
  });
  const outbox = new OutboxWorker(svc({ type: "system", job: "webhook", channel: "api" }));
  hub.onAny((a) => {
    if (a.request.status === "pending") scheduler.noteDeadline(a.request.expiresAt);
    else if (a.request.callbackUrl) outbox.nudge();
  });
  const trustedOrigins = () => [config.publicUrl, `http://localhost:${port}`, `http://127.0.0.1:${port}`];
  const auth = createAuth(db, {
    secret: env.BETTER_AUTH_SECRET ?? loadOrCreateSecret(join(dirname(file), "auth-secret")),
    baseURL: publicUrl,
    trustedOrigins: () => trustedOrigins(),
    rateLimit: env.COUNTERSIGN_AUTH_RATE_LIMIT === "on",
  });
  return {
    env,
    db,
    store,
    hub,
    scheduler,
    outbox,
    auth,
    config,
    now,
    svc,
    trustedOrigins,
    setListenPort: (p) => {
      port = p;
      if (!env.COUNTERSIGN_PUBLIC_URL) config.publicUrl = `http://localhost:${p}`;
    },
    close: () => {
      scheduler.stop();
      outbox.stop();
      store.close();
    },
  };
}

const KEY = Symbol.for("countersign.runtime");
type Holder = { [KEY]?: Runtime };

/**
 * One runtime per process. Next's server bundle and the front server load
 * separate copies of this module, so the instance lives on globalThis where
 * both find the same hub, scheduler and database handle.
 */
export function getRuntime(): Runtime {
  const g = globalThis as Holder;
  g[KEY] ??= createRuntime(loadEnv());
  return g[KEY];
}

export function setRuntime(rt: Runtime | undefined): void {
  (globalThis as Holder)[KEY] = rt;
}
