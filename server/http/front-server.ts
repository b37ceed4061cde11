import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { toNodeHandler } from "better-auth/node";
import { appRouter } from "../api/root";
import { createContextInner } from "../api/context";
import type { Runtime } from "../runtime/runtime";
import { MAX_BODY_BYTES } from "./limits";
import { sendJson, sendTrpcStyleError } from "./respond";
import { CLIENT_IP_HEADER } from "../auth/auth";
import { handleFastLane } from "./trpc-fast-lane";
import { applyPageSecurityHeaders } from "./security-headers";
import { AUDIT_EXPORT_PATH, handleAuditExport } from "./audit-export";
import { MCP_PATH, createMcpHandler } from "../mcp/http";
import { HUMANLAYER_PREFIX, createHumanLayerHandler } from "../humanlayer/http";

export type PageHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/**
 * The one HTTP server. Agent-facing hot paths (tRPC, auth, health) are served
 * here directly by their Node adapters; everything else goes to Next.js, so
 * agents never pay the page framework's cost.
 */
export function createFrontServer(rt: Runtime, pages: PageHandler | null): Server {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/api/trpc/",
    maxBodySize: MAX_BODY_BYTES,
    allowMethodOverride: true,
    maxBatchSize: 50,
    createContext: ({ req }) => createContextInner({ rt, method: req.method ?? "GET", headers: req.headers }),
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"}:`, error.cause ?? error);
    },
  });
  const auth = toNodeHandler(rt.auth);
  const mcp = createMcpHandler(rt);
  const humanlayer = createHumanLayerHandler(rt);

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = req.url ?? "/";
    if (url.startsWith("/api/trpc/") || url === "/api/trpc") {
      const declared = Number(req.headers["content-length"] ?? 0);
      if (declared > MAX_BODY_BYTES) {
        // Refused before reading: a client cannot make us buffer an oversized body.
        sendTrpcStyleError(res, 413, "PAYLOAD_TOO_LARGE", `request body is ${declared} bytes; the limit is ${MAX_BODY_BYTES} bytes (256 KiB)`, { connection: "close" });
        return;
      }
      if (!handleFastLane(rt, req, res)) trpc(req, res);
      return;
    }
    if (url === MCP_PATH || url.startsWith(`${MCP_PATH}?`) || url.startsWith(`${MCP_PATH}/`)) {
      await mcp(req, res);
      return;
    }
    if (url === HUMANLAYER_PREFIX || url.startsWith(`${HUMANLAYER_PREFIX}/`) || url.startsWith(`${HUMANLAYER_PREFIX}?`)) {
      await humanlayer(req, res);
      return;
    }
    if (url.startsWith("/api/auth/")) {
      // better-auth rate-limits sign-in per client IP; it only sees headers, so hand it the
      // socket's address under a header no client can set (any incoming value is overwritten).
      req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "unknown";
      await auth(req, res);
      return;
    }
    if (url === AUDIT_EXPORT_PATH || url.startsWith(`${AUDIT_EXPORT_PATH}?`)) {
      await handleAuditExport(rt, req, res);
      return;
    }
    if (url === "/api/health") {
      sendJson(res, 200, { ok: true });
      return;
    }
    if (pages) {
      applyPageSecurityHeaders(req, res);
      await pages(req, res);
      return;
    }
    sendJson(res, 404, { error: { message: "not found (pages are off: COUNTERSIGN_WEB=off)", code: "NOT_FOUND" } });
  };

  return createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      console.error("request failed:", e);
      if (!res.headersSent) sendJson(res, 500, { error: { message: "internal error", code: "INTERNAL_SERVER_ERROR" } });
      else res.destroy();
    });
  });
}
