import type { IncomingMessage, ServerResponse } from "node:http";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import type { Runtime } from "../runtime/runtime";
import { authenticateApiKey, bearerToken } from "../services/agents/authenticate";
import { MAX_BODY_BYTES } from "../http/limits";
import { BodyTooLargeError, readBody } from "../http/read-body";
import { createMcpServer } from "./server";
import { refuseForeignRequest } from "./request-guards";

export { MCP_PATH } from "./path";

const PARSE_ERROR = -32700;
const SERVER_ERROR = -32000;

/** A JSON-RPC error answered before the transport sees the request, as the SDK's own transport errors look. */
function sendRpcError(res: ServerResponse, status: number, code: number, message: string, headers: Record<string, string> = {}): void {
  const body = JSON.stringify({ jsonrpc: "2.0", error: { code, message }, id: null });
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers });
  res.end(body);
}

/** RFC 6750 401, shaped like the SDK's requireBearerAuth answer. */
function sendUnauthorized(res: ServerResponse, description: string): void {
  const body = JSON.stringify({ error: "invalid_token", error_description: description });
  res.writeHead(401, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "www-authenticate": `Bearer realm="countersign", error="invalid_token", error_description="${description}"`,
    // The body may be unread; don't leave it in the connection for the next request.
    connection: "close",
  });
  res.end(body);
}

const tooLarge = `request body exceeds the limit of ${MAX_BODY_BYTES} bytes (256 KiB)`;

/**
 * MCP over Streamable HTTP, stateless: every POST gets a fresh McpServer and
 * transport acting as the agent whose API key it carries, closed with the
 * response. No sessions means nothing to lose on restart and any instance can
 * answer. Responses are SSE (the SDK default) so long waits get keep-alive
 * comments through proxies' idle timeouts.
 */
export function createMcpHandler(rt: Runtime): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const refusal = refuseForeignRequest(rt, req);
    if (refusal) return sendRpcError(res, refusal.status, SERVER_ERROR, refusal.message, { connection: "close" });
    if (req.method !== "POST") {
      // Stateless: no server-initiated stream to GET and no session to DELETE.
      return sendRpcError(res, 405, SERVER_ERROR, "Method not allowed: this MCP endpoint is stateless; send JSON-RPC with POST.", { allow: "POST" });
    }
    // Keys travel only in the Authorization header, never in the URL (logs, history, Referer).
    const token = bearerToken(req.headers.authorization);
    if (!token) return sendUnauthorized(res, "send the agent API key as Authorization: Bearer <key>");
    const actor = await authenticateApiKey(rt.store, token, "mcp");
    if (!actor) return sendUnauthorized(res, "unknown or revoked API key");

    let text: string;
    try {
      text = await readBody(req, MAX_BODY_BYTES);
    } catch (e) {
      if (e instanceof BodyTooLargeError) return sendRpcError(res, 413, SERVER_ERROR, tooLarge, { connection: "close" });
      // The client went away mid-body: nobody is left to answer.
      res.destroy();
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return sendRpcError(res, 400, PARSE_ERROR, "Parse error: the request body is not valid JSON");
    }

    const server = createMcpServer(rt.svc(actor));
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    // Closing aborts in-flight tool calls' signals, which ends their waits.
    res.on("close", () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  };
}
