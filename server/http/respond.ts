import type { ServerResponse } from "node:http";

/** A JSON error in tRPC's envelope, for answers given before tRPC sees the request. */
export function sendTrpcStyleError(res: ServerResponse, httpStatus: number, code: string, message: string, extraHeaders: Record<string, string> = {}): void {
  const body = JSON.stringify({ error: { message, code: -32600, data: { code, httpStatus } } });
  res.writeHead(httpStatus, { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...extraHeaders });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}
