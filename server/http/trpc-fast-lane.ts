import type { IncomingMessage, ServerResponse } from "node:http";
import { callTRPCProcedure, getTRPCErrorFromUnknown, getTRPCErrorShape, TRPCError, type AnyTRPCProcedure } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { appRouter } from "../api/root";
import { createContextInner, type TrpcContext } from "../api/context";
import type { Runtime } from "../runtime/runtime";
import { BodyTooLargeError, readBody } from "./read-body";
import { MAX_BODY_BYTES } from "./limits";

const PREFIX = "/api/trpc/";

/**
 * Single (non-batched) queries and mutations, run through
 * tRPC's own procedure pipeline (`callTRPCProcedure`: middleware, input
 * validation, error formatting) without its Fetch Request/Response
 * emulation, which costs more CPU here than the whole submit verb does.
 * Same URLs, same JSON envelope, same error shapes as the standard handler;
 * returns false for anything else (batches, subscriptions), which the
 * standard tRPC handler serves.
 */
export function handleFastLane(rt: Runtime, req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? "";
  const q = url.indexOf("?");
  const path = decodeURIComponent(url.slice(PREFIX.length, q === -1 ? undefined : q));
  if (path.includes(",")) return false;
  const procedure = (appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure | undefined>)[path];
  const type = procedure?._def.type;
  if (type !== "query" && type !== "mutation") return false;
  const params = new URLSearchParams(q === -1 ? "" : url.slice(q + 1));
  if (params.has("batch")) return false;
  const method = req.method ?? "GET";
  const json = (req.headers["content-type"] ?? "").startsWith("application/json");
  if (!((method === "GET" && type === "query") || (method === "POST" && json))) return false;

  const ctx = createContextInner({ rt, method, headers: req.headers });
  const abort = new AbortController();
  res.once("close", () => abort.abort());
  void run(req, res, { path, type, method, params, ctx, signal: abort.signal });
  return true;
}

async function run(
  req: IncomingMessage,
  res: ServerResponse,
  o: { path: string; type: "query" | "mutation"; method: string; params: URLSearchParams; ctx: TrpcContext; signal: AbortSignal },
): Promise<void> {
  let input: unknown = undefined;
  try {
    const raw = o.method === "GET" ? o.params.get("input") : await readBody(req, MAX_BODY_BYTES);
    if (raw !== null && raw !== "") {
      try {
        input = JSON.parse(raw);
      } catch (e) {
        throw new TRPCError({ code: "BAD_REQUEST", message: e instanceof Error ? e.message : "malformed JSON", cause: e });
      }
    }
    const data: unknown = await callTRPCProcedure({ router: appRouter, path: o.path, getRawInput: () => Promise.resolve(input), ctx: o.ctx, type: o.type, signal: o.signal, batchIndex: 0 });
    send(res, 200, { result: { data } });
  } catch (e) {
    const error =
      e instanceof BodyTooLargeError ? new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: e.message }) : getTRPCErrorFromUnknown(e);
    if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${o.path}:`, error.cause ?? error);
    const shape = getTRPCErrorShape({ config: appRouter._def._config, error, type: o.type, path: o.path, input, ctx: o.ctx });
    send(res, getHTTPStatusCodeFromError(error), { error: shape }, e instanceof BodyTooLargeError);
  }

}

function send(res: ServerResponse, status: number, body: unknown, close = false): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  const headers: Record<string, string | number> = { "content-type": "application/json", "content-length": Buffer.byteLength(text) };
  if (close) headers.connection = "close";
  res.writeHead(status, headers);
  res.end(text);
}
