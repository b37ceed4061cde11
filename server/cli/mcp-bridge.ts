import { parseArgs } from "node:util";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import pkg from "../../package.json" with { type: "json" };
import { MCP_PATH } from "../mcp/path";
import { Upstream, describeUpstreamFailure } from "../mcp/upstream";

type Out = { log(s: string): void; err(s: string): void };

const USAGE = "usage: countersign mcp --url URL [--key KEY]   (or COUNTERSIGN_URL / COUNTERSIGN_API_KEY; prefer the env var for the key: argv shows in ps)";

/** A base URL means its MCP endpoint; a full endpoint URL is taken as is. */
function endpointOf(raw: string): URL | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  if (u.pathname === "/" || u.pathname === "") u.pathname = MCP_PATH;
  return u;
}

/**
 * `countersign mcp`: a stdio MCP server for clients that only speak stdio,
 * forwarding tools/list and tools/call to a running Countersign over
 * Streamable HTTP. stdout carries JSON-RPC only; diagnostics go to stderr.
 * Resolves (exit code 0) when stdin ends.
 */
export async function runMcpBridge(argv: string[], out: Out): Promise<number> {
  let values: { url?: string; key?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { url: { type: "string" }, key: { type: "string" }, help: { type: "boolean", short: "h" } }, strict: true }));
  } catch (e) {
    out.err(`countersign mcp: ${e instanceof Error ? e.message : String(e)}. ${USAGE}`);
    return 2;
  }
  if (values.help) {
    out.err(USAGE);
    return 0;
  }
  const rawUrl = values.url ?? process.env.COUNTERSIGN_URL;
  const key = values.key ?? process.env.COUNTERSIGN_API_KEY;
  if (!rawUrl) {
    out.err(`countersign mcp: missing --url (or COUNTERSIGN_URL). ${USAGE}`);
    return 2;
  }
  if (!key) {
    out.err(`countersign mcp: missing the API key: set COUNTERSIGN_API_KEY (or pass --key). ${USAGE}`);
    return 2;
  }
  const endpoint = endpointOf(rawUrl);
  if (!endpoint) {
    out.err(`countersign mcp: --url must be an http(s) URL, got "${rawUrl}"`);
    return 2;
  }

  const upstream = new Upstream(endpoint, key, pkg.version);
  const server = new Server({ name: "countersign", version: pkg.version }, { capabilities: { tools: {} } });

  server.setRequestHandler(ListToolsRequestSchema, async (_req, extra) => {
    try {
      return await upstream.listTools(extra.signal);
    } catch (e) {
      if (e instanceof McpError) throw e;
      throw new McpError(ErrorCode.InternalError, describeUpstreamFailure(endpoint.href, e).message);
    }
  });
  server.setRequestHandler(CallToolRequestSchema, async (req, extra): Promise<CallToolResult> => {
    try {
      return await upstream.callTool(req.params, extra.signal);
    } catch (e) {
      if (e instanceof McpError) throw e;
      // Shaped like the server's own tool errors, so the model reads it the same way.
      const error = { ...describeUpstreamFailure(endpoint.href, e), details: {} };
      return { content: [{ type: "text", text: JSON.stringify({ error }) }], structuredContent: { error }, isError: true };
    }
  });
  server.onerror = (e) => out.err(`countersign mcp: ${e.message}`);

  const closed = new Promise<void>((resolve) => {
    server.onclose = () => resolve();
    process.stdin.once("end", () => resolve());
    process.stdin.once("close", () => resolve());
  });
  await server.connect(new StdioServerTransport());
  void upstream.probe().then((problem) => out.err(problem ? `countersign mcp: ${problem}` : `countersign mcp: bridging stdio to ${endpoint.href}`));

  await closed;
  upstream.close();
  await server.close().catch(() => {});
  return 0;
}
