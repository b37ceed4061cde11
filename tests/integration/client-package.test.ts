import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { startClientEnv, type ClientEnv } from "./client-helpers";

const root = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);

/**
 * `countersign/client` as agents get it: by package name, resolved through
 * package.json "exports" to the compiled dist/client (built by `prepare` on
 * npm ci; rebuilt here so the test never checks a stale build).
 */
describe("the countersign/client package entry", () => {
  let env: ClientEnv;

  beforeAll(async () => {
    await run(process.execPath, [fileURLToPath(new URL("../../node_modules/typescript/bin/tsc", import.meta.url)), "-p", "server/client/tsconfig.json"], { cwd: root });
    env = await startClientEnv("client-package");
  });
  afterAll(async () => env?.stop());

  it("imports by package name and completes an approval round trip", async () => {
    const { createClient, ApprovalDeniedError } = await import("countersign/client");
    const cs = createClient({ baseUrl: env.server.url, apiKey: env.apiKey });
    const guarded = cs.guard((a: { path: string }) => `removed ${a.path}`, { tool: "fs.remove" });
    const running = guarded({ path: "/tmp/x" }).catch((e: unknown) => e);
    const item = await env.nextPending("fs.remove");
    await env.decide(item.id, { type: "deny", reason: "keep it" });
    const e = await running;
    expect(e).toBeInstanceOf(ApprovalDeniedError);
    expect(e).toMatchObject({ reason: "keep it" });
  });

  it("works from plain Node ESM (no TypeScript loader), by package name", async () => {
    const script = `
      import { createClient } from "countersign/client";
      const cs = createClient({ baseUrl: process.env.CS_URL, apiKey: process.env.CS_KEY });
      const view = await cs.requestApproval({ tool: "docs.read", arguments: { page: 1 }, annotations: { readOnlyHint: true } });
      console.log(JSON.stringify({ status: view.status, resolved: import.meta.resolve("countersign/client") }));
    `;
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: root, env: { ...process.env, CS_URL: env.server.url, CS_KEY: env.apiKey } });
    const out = JSON.parse(stdout) as { status: string; resolved: string };
    expect(out.status).toBe("approved");
    expect(out.resolved).toMatch(/\/dist\/client\/index\.js$/);
  });
});
