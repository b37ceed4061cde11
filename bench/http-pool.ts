import { Agent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from "node:http";

export type PoolResponse = { status: number; headers: IncomingHttpHeaders; body: string };

export type PoolRequest = {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Abort the request after this long (a bound on every call); default 90 s. */
  timeoutMs?: number;
  /** Called once the whole request has been handed to the socket. */
  onSent?: () => void;
};

/**
 * node:http with one keep-alive Agent: unlike fetch's pool, `maxSockets` is
 * ours to raise, so 1 000 concurrent long-polls are 1 000 real connections.
 * Only loopback traffic: the host is fixed to 127.0.0.1.
 */
export class HttpPool {
  readonly agent: Agent;
  readonly host = "127.0.0.1";

  constructor(
    readonly port: number,
    maxSockets = 2000,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, keepAliveMsecs: 10_000, scheduling: "lifo" });
  }

  get baseUrl(): string {
    return `http://${this.host}:${this.port}`;
  }

  /** Opens a request and resolves with the response head; the caller consumes the body. */
  open(req: PoolRequest): { response: Promise<IncomingMessage>; abort: () => void } {
    const headers: Record<string, string> = { ...req.headers };
    if (req.body !== undefined) headers["content-length"] = String(Buffer.byteLength(req.body));
    const r = httpRequest({ host: this.host, port: this.port, method: req.method, path: req.path, headers, agent: this.agent });
    const timeoutMs = req.timeoutMs ?? 90_000;
    const response = new Promise<IncomingMessage>((resolve, reject) => {
      const timer = setTimeout(() => r.destroy(new Error(`${req.method} ${req.path.slice(0, 60)} timed out after ${timeoutMs} ms`)), timeoutMs);
      timer.unref();
      r.once("response", (res) => {
        res.once("close", () => clearTimeout(timer));
        resolve(res);
      });
      r.once("error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
      r.once("close", () => clearTimeout(timer));
    });
    if (req.onSent) r.once("finish", req.onSent);
    r.end(req.body);
    return { response, abort: () => r.destroy() };
  }

  /** A whole request: resolves with status, headers and the body as text. */
  async request(req: PoolRequest): Promise<PoolResponse> {
    const res = await this.open(req).response;
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    return { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") };
  }

  /** Sockets the pool holds with a request on them right now. */
  socketsInUse(): number {
    return Object.values(this.agent.sockets).reduce((n, list) => n + (list?.length ?? 0), 0);
  }

  close(): void {
    this.agent.destroy();
  }
}

/** tRPC over plain JSON, as a non-TypeScript agent calls it. */
export class TrpcClient {
  constructor(private readonly pool: HttpPool) {}

  mutation(path: string, input: unknown, headers: Record<string, string>, timeoutMs?: number): Promise<PoolResponse> {
    return this.pool.request({
      method: "POST",
      path: `/api/trpc/${path}`,
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify(input),
      timeoutMs,
    });
  }

  query(path: string, input: unknown, headers: Record<string, string>, opts: { timeoutMs?: number; onSent?: () => void } = {}): Promise<PoolResponse> {
    return this.pool.request({ method: "GET", path: queryPath(path, input), headers, ...opts });
  }
}

export const queryPath = (path: string, input: unknown) => `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** The procedure's result data from a 200 response; throws with the body otherwise. */
export function resultData<T>(res: PoolResponse): T {
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.body.slice(0, 500)}`);
  const parsed = JSON.parse(res.body) as { result?: { data: T } };
  if (!parsed.result) throw new Error(`no result in: ${res.body.slice(0, 500)}`);
  return parsed.result.data;
}
