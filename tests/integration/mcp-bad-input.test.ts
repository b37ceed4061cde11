import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../fixtures/server";
import { tempDatabaseUrl } from "../fixtures/test-db";
import { createTestRuntime, makeAgent } from "../fixtures/runtime";
import { rawRequest, type RawResponse } from "../fixtures/raw-http";

type RpcBody = {
  jsonrpc?: string;
  id?: unknown;
  result?: { isError?: boolean; content?: { type: string; text: string }[]; structuredContent?: Record<string, unknown>; tools?: { name: string }[] };
  error?: { code: number; message: string } | string;
  error_description?: string;
};

const ACCEPT = "application/json, text/event-stream";

/** A JSON body, or the JSON-RPC message inside an SSE response. */
function parse(r: RawResponse): RpcBody | null {
  const sse = /^data: (.+)$/m.exec(r.text);
  try {
    return JSON.parse(sse?.[1] ?? r.text) as RpcBody;
  } catch {
    return null;
  }
}

const toolCall = (name: string, args: unknown) => JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name, arguments: args } });

describe("MCP endpoint, bad input over raw HTTP: clear 4xx, never a 500", () => {
  let server: RunningServer;
  let key: string;
  const seen: { what: string; status: number }[] = [];

  async function send(what: string, opts: { path?: string; method?: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean; key?: string | null } = {}) {
    const auth: Record<string, string> = opts.key === null ? {} : { authorization: `Bearer ${opts.key ?? key}` };
    const r = await rawRequest(server.url, opts.path ?? "/api/mcp", {
      method: opts.method ?? "POST",
      headers: { accept: ACCEPT, "content-type": "application/json", ...auth, ...opts.headers },
      body: opts.body,
      chunked: opts.chunked,
    });
    seen.push({ what, status: r.status });
    return { ...r, body: parse(r) };
  }

  beforeAll(async () => {
    const databaseUrl = tempDatabaseUrl("mcp-bad");
    const setup = createTestRuntime({ databaseUrl });
    key = (await makeAgent(setup)).apiKey;
    setup.close();
    server = await startServer({ databaseUrl });
  });
  afterAll(async () => server?.stop());

  it("malformed JSON is a JSON-RPC parse error with 400", async () => {
    for (const body of ["{not json", "", '{"jsonrpc":"2.0","id":1,"method":'] as const) {
      const r = await send(`malformed ${body}`, { body });
      expect(r.status, r.text).toBe(400);
      expect(r.body).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: -32700 } });
    }
    // JSON, but not JSON-RPC: the SDK's transport answers that one.
    const notRpc = await send("not rpc", { body: '{"hello":"world"}' });
    expect(notRpc.status).toBe(400);
    expect(notRpc.body?.error).toMatchObject({ code: expect.any(Number) as unknown });
  });

  it("an unknown tool and invalid tool arguments are errors, not crashes", async () => {
    const unknown = await send("unknown tool", { body: toolCall("drop_all_tables", {}) });
    expect(unknown.status).toBe(200);
    expect(unknown.body?.result?.isError).toBe(true);
    expect(unknown.body?.result?.content?.[0]?.text).toMatch(/drop_all_tables not found/);

    const missingTool = await send("invalid args", { body: toolCall("request_approval", { arguments: {} }) });
    expect(missingTool.body?.result?.isError).toBe(true);
    expect(missingTool.body?.result?.content?.[0]?.text).toMatch(/Input validation error.*tool/s);

    const unknownField = await send("unknown field", { body: toolCall("get_approval", { id: "00000000-0000-7000-8000-000000000000", sneaky: true }) });
    expect(unknownField.body?.result?.isError).toBe(true);
    expect(unknownField.body?.result?.content?.[0]?.text).toMatch(/Input validation error/);

    const badWait = await send("wait too long", { body: toolCall("wait_for_approval", { id: "00000000-0000-7000-8000-000000000000", waitSeconds: 600 }) });
    expect(badWait.body?.result?.isError).toBe(true);
    expect(badWait.body?.result?.content?.[0]?.text).toMatch(/waitSeconds/);
  });

  it("a missing, wrong or query-string key is 401 with WWW-Authenticate", async () => {
    const cases = [
      await send("no bearer", { key: null, body: toolCall("get_approval", {}) }),
      await send("wrong bearer", { key: "cs_0000000000000000000000000000000000000000", body: toolCall("get_approval", {}) }),
      await send("basic auth", { key: null, headers: { authorization: `Basic ${Buffer.from(`x:${key}`).toString("base64")}` }, body: "{}" }),
      await send("query only", { key: null, path: `/api/mcp?api_key=${key}`, body: "{}" }),
      await send("access_token query", { key: null, path: `/api/mcp?access_token=${key}`, body: "{}" }),
    ];
    for (const r of cases) {
      expect(r.status, r.text).toBe(401);
      expect(r.headers["www-authenticate"]).toMatch(/^Bearer realm="countersign", error="invalid_token"/);
      expect(r.body).toMatchObject({ error: "invalid_token", error_description: expect.any(String) as unknown });
    }
  });

  it("a foreign Origin or Host is 403, even with a valid key", async () => {
    const list = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" });
    const origin = await send("foreign origin", { headers: { origin: "https://evil.example" }, body: list });
    expect(origin.status).toBe(403);
    expect(origin.body?.error).toMatchObject({ message: expect.stringMatching(/Origin/) as unknown });
    const rebound = await send("foreign host", { headers: { host: `evil.example:${server.port}` }, body: list });
    expect(rebound.status).toBe(403);
    expect(rebound.body?.error).toMatchObject({ message: expect.stringMatching(/Host/) as unknown });
    // Our own origin and a loopback name are fine.
    const own = await send("own origin", { headers: { origin: server.url, host: `localhost:${server.port}` }, body: list });
    expect(own.status).toBe(200);
    expect(own.body?.result?.tools?.length).toBe(7);
  });

  it("a body over 256 KiB is 413, declared or chunked", async () => {
    const big = toolCall("request_approval", { tool: "x.y", arguments: { blob: "a".repeat(300 * 1024) } });
    const declared = await send("413 declared", { body: big });
    expect(declared.status).toBe(413);
    expect(declared.body?.error).toMatchObject({ message: expect.stringMatching(/256 KiB/) as unknown });
    const chunked = await send("413 chunked", { body: big, chunked: true });
    expect(chunked.status).toBe(413);
  });

  it("GET and DELETE are 405 in stateless mode", async () => {
    for (const method of ["GET", "DELETE"]) {
      const r = await send(method, { method, headers: { accept: "text/event-stream" } });
      expect(r.status).toBe(405);
      expect(r.headers.allow).toBe("POST");
      expect(r.body).toMatchObject({ jsonrpc: "2.0", error: { code: -32000 } });
    }
  });

  it("after all of it: no 500 was answered and the server still serves", async () => {
    expect(seen.length).toBeGreaterThan(15);
    expect(seen.filter((s) => s.status >= 500)).toEqual([]);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    const list = await send("still up", { body: JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/list" }) });
    expect(list.status).toBe(200);
    expect(list.body?.result?.tools?.length).toBe(7);
    expect(server.output()).not.toMatch(/request failed|mcp tool failed/);
  });
});
