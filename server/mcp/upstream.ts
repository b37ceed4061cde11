import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport, StreamableHTTPError } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { McpError, type CallToolRequest, type CallToolResult, type ListToolsResult } from "@modelcontextprotocol/sdk/types.js";

/** Longer than the longest server-side wait (55 s), so a wait answers before the bridge gives up. */
const CALL_TIMEOUT_MS = 70_000;

/** Why a forwarded call did not reach a tool, in words for the model and the user. */
export function describeUpstreamFailure(endpoint: string, e: unknown): { code: string; message: string } {
  if (e instanceof StreamableHTTPError && (e.code === 401 || e.code === 403)) {
    return { code: "UNAUTHORIZED", message: `Countersign at ${endpoint} refused the API key (HTTP ${e.code}). Check COUNTERSIGN_API_KEY. Nothing was approved: do not perform the action.` };
  }
  return { code: "UNAVAILABLE", message: `Countersign is unreachable at ${endpoint} (${networkCode(e) ?? (e instanceof Error ? e.message : String(e))}). Nothing was approved: do not perform the action; try again later or tell the user.` };
}

/** ECONNREFUSED and friends sit a few causes deep under fetch's "fetch failed". */
function networkCode(e: unknown): string | null {
  for (let c: unknown = e, i = 0; c instanceof Error && i < 5; c = c.cause, i++) {
    if ("code" in c && typeof c.code === "string") return c.code;
    if (c instanceof AggregateError) for (const inner of c.errors) if (inner instanceof Error && "code" in inner && typeof inner.code === "string") return inner.code;
  }
  return null;
}

/**
 * The HTTP side of the stdio bridge: one SDK client, connected on first use
 * and dropped after a transport failure so the next call reconnects.
 */
export class Upstream {
  private client: Promise<Client> | null = null;

  constructor(
    readonly endpoint: URL,
    private readonly key: string,
    private readonly version: string,
  ) {}

  private connected(): Promise<Client> {
    this.client ??= (async () => {
      const client = new Client({ name: "countersign-stdio-bridge", version: this.version });
      const transport = new StreamableHTTPClientTransport(this.endpoint, { requestInit: { headers: { authorization: `Bearer ${this.key}` } } });
      await client.connect(transport);
      return client;
    })();
    // A failed connect must not be cached.
    this.client.catch(() => this.drop());
    return this.client;
  }

  private drop(): void {
    const c = this.client;
    this.client = null;
    void c?.then((x) => x.close()).catch(() => {});
  }

  private async run<T>(fn: (c: Client) => Promise<T>): Promise<T> {
    try {
      return await fn(await this.connected());
    } catch (e) {
      // A JSON-RPC error came back over a working connection; anything else may have broken it.
      if (!(e instanceof McpError)) this.drop();
      throw e;
    }
  }

  listTools(signal?: AbortSignal): Promise<ListToolsResult> {
    return this.run((c) => c.listTools(undefined, { signal }));
  }

  callTool(params: CallToolRequest["params"], signal?: AbortSignal): Promise<CallToolResult> {
    return this.run(async (c) => (await c.callTool(params, undefined, { signal, timeout: CALL_TIMEOUT_MS })) as CallToolResult);
  }

  /** Connects now, for an early diagnostic; failures are reported, not thrown. */
  async probe(): Promise<string | null> {
    try {
      await this.connected();
      return null;
    } catch (e) {
      return describeUpstreamFailure(this.endpoint.href, e).message;
    }
  }

  close(): void {
    this.drop();
  }
}
