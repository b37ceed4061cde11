import { resolve } from "node:path";
import { getRuntime } from "./runtime/runtime";
import { createFrontServer, type PageHandler } from "./http/front-server";

/** Starts Countersign: migrations, the deadline scheduler, the front server and (unless off) Next.js. */
export async function main(): Promise<void> {
  const rt = getRuntime();
  const { env } = rt;
  await rt.scheduler.start();
  rt.outbox.start();

  let pages: PageHandler | null = null;
  if (env.COUNTERSIGN_WEB === "on") {
    process.env.NEXT_TELEMETRY_DISABLED = "1";
    const { default: next } = await import("next");
    const app = next({ dev: false, dir: resolve(import.meta.dirname, ".."), hostname: env.HOST, port: env.PORT });
    await app.prepare();
    const handle = app.getRequestHandler();
    pages = (req, res) => handle(req, res);
  }

  const server = createFrontServer(rt, pages);
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 0; // long-polls and SSE streams outlive the default 5 minutes
  await new Promise<void>((ok) => server.listen(env.PORT, env.HOST, ok));
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : env.PORT;
  rt.setListenPort(port);
  console.log(`Countersign listening on http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${port} (database ${env.DATABASE_URL})`);

  const shutdown = (signal: string) => {
    console.log(`${signal}: shutting down`);
    server.close();
    server.closeAllConnections();
    rt.close();
    process.exit(0);
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
