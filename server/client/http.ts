import { CountersignError, type ErrorIssue } from "./errors.js";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type Transport = {
  query<T>(procedure: string, input: unknown, signal?: AbortSignal): Promise<T>;
  mutation<T>(procedure: string, input: unknown, signal?: AbortSignal): Promise<T>;
};

type TrpcBody = {
  result?: { data?: unknown };
  error?: { message?: unknown; data?: { code?: unknown; httpStatus?: unknown; details?: unknown; issues?: unknown } };
};

/**
 * tRPC 11 over plain HTTP, no transformer: queries are GETs with `?input=`,
 * mutations are POSTs with a JSON body, the answer is `{ result: { data } }`
 * or `{ error: { message, data } }`.
 */
export function createTransport(opts: { baseUrl: string; apiKey: string; fetch?: FetchLike }): Transport {
  const base = `${opts.baseUrl.replace(/\/+$/, "")}/api/trpc/`;
  const doFetch: FetchLike = opts.fetch ?? ((input, init) => fetch(input, init));
  const headers = { authorization: `Bearer ${opts.apiKey}`, accept: "application/json" };

  async function call<T>(procedure: string, method: "GET" | "POST", input: unknown, signal?: AbortSignal): Promise<T> {
    const url = method === "GET" ? `${base}${procedure}?input=${encodeURIComponent(JSON.stringify(input))}` : `${base}${procedure}`;
    const init: RequestInit =
      method === "GET" ? { method, headers, signal } : { method, headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(input), signal };
    let res: Response;
    try {
      res = await doFetch(url, init);
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      throw new CountersignError({
        code: "NETWORK_ERROR",
        procedure,
        message: `Countersign at ${opts.baseUrl} is unreachable (${describe(e)}); nothing was approved`,
        cause: e,
      });
    }
    let text: string;
    try {
      text = await res.text();
    } catch (e) {
      if (signal?.aborted) throw signal.reason;
      throw new CountersignError({ code: "NETWORK_ERROR", procedure, httpStatus: res.status, message: `the connection to Countersign broke mid-answer (${describe(e)})`, cause: e });
    }
    const body = parseBody(text);
    if (body?.error) throw toError(procedure, res.status, body.error);
    if (res.ok && body?.result && "data" in body.result) return body.result.data as T;
    throw new CountersignError({
      code: "BAD_RESPONSE",
      procedure,
      httpStatus: res.status,
      message: `Countersign answered ${procedure} with HTTP ${res.status} and no tRPC result${text ? `: ${text.slice(0, 200)}` : ""}`,
    });
  }

  return {
    query: (procedure, input, signal) => call(procedure, "GET", input, signal),
    mutation: (procedure, input, signal) => call(procedure, "POST", input, signal),
  };
}

function parseBody(text: string): TrpcBody | null {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === "object" && v !== null ? v : null;
  } catch {
    return null;
  }
}

function toError(procedure: string, httpStatus: number, error: NonNullable<TrpcBody["error"]>): CountersignError {
  const data = error.data ?? {};
  const details = typeof data.details === "object" && data.details !== null ? (data.details as Record<string, unknown>) : null;
  return new CountersignError({
    code: typeof data.code === "string" ? data.code : "UNKNOWN",
    message: typeof error.message === "string" ? error.message : `${procedure} failed with HTTP ${httpStatus}`,
    procedure,
    httpStatus: typeof data.httpStatus === "number" ? data.httpStatus : httpStatus,
    details,
    issues: Array.isArray(data.issues) ? (data.issues as ErrorIssue[]) : null,
  });
}

function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  // undici puts the real reason (ECONNREFUSED, ENOTFOUND, …) on `cause`.
  const cause = e.cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === "string" ? `${code}: ${cause.message}` : cause.message;
  }
  return e.message;
}
