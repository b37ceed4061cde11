import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { type RunningServer } from "../fixtures/server";
import { data, trpc } from "../fixtures/http";
import { writeRequest } from "../fixtures/runtime";
import { closedPort } from "../fixtures/ports";
import { startStack } from "../fixtures/stack";

const root = fileURLToPath(new URL("../..", import.meta.url));
const BIN = "bin/countersign.mjs";

/** The environment without any Countersign settings the developer's shell may carry. */
function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith("COUNTERSIGN_")) env[k] = v;
  return { ...env, ...extra };
}

/** Runs the CLI to completion: for argument errors, which end it before it reads stdin. */
function runCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: root, env: env as NodeJS.ProcessEnv, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: typeof error?.code === "number" ? error.code : error ? -1 : 0, stdout, stderr });
    });
  });
}


describe("countersign mcp: the stdio bridge", () => {
  let server: RunningServer;
  let key: string;
  let agentId: string;
  let reviewerCookie: string;
  const clients: Client[] = [];

  async function bridge(url: string, stderr: string[] = [], apiKey = key): Promise<Client> {
    const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, "mcp", "--url", url], cwd: root, env: cleanEnv({ COUNTERSIGN_API_KEY: apiKey }), stderr: "pipe" });
    transport.stderr?.on("data", (d: Buffer) => stderr.push(d.toString()));
    const client = new Client({ name: "stdio-test", version: "1.0.0" });
    await client.connect(transport);
    clients.push(client);
    return client;
  }

  beforeAll(async () => {
    const stack = await startStack("mcp-stdio");
    ({ server, cookie: reviewerCookie } = stack);
    ({ apiKey: key, agentId } = stack.agent(0));
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await server?.stop();
  });

  it.concurrent("lists the server's tools and carries an approval round trip", async () => {
    const stderr: string[] = [];
    const client = await bridge(server.url, stderr);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(["cancel_approval", "check_permission", "claim_execution", "get_approval", "report_outcome", "request_approval", "wait_for_approval"]);
    expect(tools.find((t) => t.name === "request_approval")?.outputSchema?.type).toBe("object");

    const pending = client.callTool({ name: "request_approval", arguments: { ...writeRequest(), waitSeconds: 30 } });
    let id: string | undefined;
    for (let i = 0; i < 100 && !id; i++) {
      const list = data<{ items: { id: string }[] }>(await trpc(server.url, "review.list", { status: "pending", agentId }, { cookie: reviewerCookie, method: "GET" }));
      id = list.items[0]?.id;
      if (!id) await new Promise((r) => setTimeout(r, 50));
    }
    expect(id).toBeDefined();
    const decided = await trpc(server.url, "review.decide", { id, decision: { type: "approve", finalArguments: { owner: "acme", repo: "other" } } }, { cookie: reviewerCookie });
    expect(decided.status).toBe(200);
    const result = (await pending) as CallToolResult;
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ id, status: "approved", verdict: "allow", finalArguments: { owner: "acme", repo: "other" }, executionToken: expect.stringMatching(/^cse_/) as unknown });
    // Diagnostics went to stderr; stdout carried only JSON-RPC or the client would have failed above.
    expect(stderr.join("")).toMatch(/bridging stdio to http:\/\/127\.0\.0\.1:\d+\/api\/mcp/);
  });

  it.concurrent("an unreachable server makes tool calls error results, and the bridge keeps running", async () => {
    const stderr: string[] = [];
    const client = await bridge(`http://127.0.0.1:${await closedPort()}`, stderr);
    for (let i = 0; i < 2; i++) {
      const r = (await client.callTool({ name: "get_approval", arguments: { id: "00000000-0000-7000-8000-000000000000" } })) as CallToolResult;
      expect(r.isError).toBe(true);
      expect(r.structuredContent).toMatchObject({ error: { code: "UNAVAILABLE", message: expect.stringMatching(/unreachable.*ECONNREFUSED.*do not perform/) as unknown } });
    }
    await expect(client.listTools()).rejects.toThrow(/unreachable/);
    expect(stderr.join("")).toMatch(/unreachable/);
  });

  it.concurrent("a refused key makes tool calls error results naming the key", async () => {
    const client = await bridge(server.url, [], "cs_not-a-real-key");
    const r = (await client.callTool({ name: "get_approval", arguments: { id: "00000000-0000-7000-8000-000000000000" } })) as CallToolResult;
    expect(r.isError).toBe(true);
    expect(r.structuredContent).toMatchObject({ error: { code: "UNAUTHORIZED", message: expect.stringMatching(/refused the API key \(HTTP 401\)/) as unknown } });
  });

  it.concurrent("missing --url or key: one line on stderr, nothing on stdout, exit 2", async () => {
    const [noUrl, noKey, badUrl] = await Promise.all([
      runCli(["mcp"], cleanEnv({ COUNTERSIGN_API_KEY: "cs_x" })),
      runCli(["mcp", "--url", "http://127.0.0.1:1"], cleanEnv()),
      runCli(["mcp", "--url", "ftp://x"], cleanEnv({ COUNTERSIGN_API_KEY: "cs_x" })),
    ]);
    expect(noUrl.code).toBe(2);
    expect(noUrl.stdout).toBe("");
    expect(noUrl.stderr.trim().split("\n")).toHaveLength(1);
    expect(noUrl.stderr).toMatch(/missing --url/);
    expect(noKey.code).toBe(2);
    expect(noKey.stdout).toBe("");
    expect(noKey.stderr).toMatch(/COUNTERSIGN_API_KEY/);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toMatch(/http\(s\) URL/);
  });
});
