import { CountersignError } from "./errors.js";
import { createTransport, type FetchLike, type Transport } from "./http.js";
import { guard, type GuardOptions } from "./guard.js";
import type { AgentRequestView, ApprovalRequestInput, JsonObject, Outcome } from "./types.js";

export type ClientOptions = {
  /** Where Countersign runs, e.g. `https://countersign.example.com`. */
  baseUrl: string;
  /** An agent API key, `cs_…`. */
  apiKey: string;
  /** A fetch to use instead of the global one (proxies, tests, instrumentation). */
  fetch?: FetchLike;
  /**
   * Told about problems that must not fail the action after it ran, e.g. an
   * outcome report that could not be delivered. Default: console.warn.
   */
  onWarning?: (message: string, error: unknown) => void;
  /** The longest single long-poll, default 55 s. Lower it if a proxy in between cuts idle requests sooner. */
  maxPollMs?: number;
};

export type WaitOptions = {
  /**
   * Stop waiting after this long and return the request as it is then,
   * possibly still `pending`. Without it, waits until the request is decided,
   * expires or is cancelled.
   */
  timeoutMs?: number;
  signal?: AbortSignal;
};

export type ClaimOptions = { arguments?: JsonObject; currentVersion?: string };

export type CountersignClient = {
  /** Submits a proposed action. Policy may decide at once (`approved`/`denied`); otherwise it is `pending`. */
  requestApproval(input: ApprovalRequestInput, options?: { signal?: AbortSignal }): Promise<AgentRequestView>;
  get(id: string, options?: { signal?: AbortSignal }): Promise<AgentRequestView>;
  /** Long-polls until the request leaves `pending` (see WaitOptions). */
  waitForDecision(id: string, options?: WaitOptions): Promise<AgentRequestView>;
  cancel(id: string, reason?: string): Promise<AgentRequestView>;
  /** Claims execution with the single-use token; pass the arguments you are about to run. */
  claim(id: string, executionToken: string, options?: ClaimOptions): Promise<AgentRequestView>;
  reportOutcome(id: string, outcome: Outcome, detail?: string): Promise<AgentRequestView>;
  /** Wraps a tool so it only runs with approved (possibly modified) arguments. See guard.ts. */
  guard<A extends object, R>(toolFn: (args: A) => R | Promise<R>, options: GuardOptions<A>): (args: A, callOptions?: { signal?: AbortSignal }) => Promise<R>;
  /** Where warnings go; used by guard and the adapters. */
  warn(message: string, error: unknown): void;
};

/** Each long-poll asks for at most this long: under the server's 60 s cap and common proxy timeouts. */
export const MAX_POLL_MS = 55_000;
/** How long past a request's deadline a waiter keeps asking before it takes the server's last word. */
export const DEADLINE_GRACE_MS = 5_000;
const TRANSIENT_RETRIES = 2;

export function createClient(options: ClientOptions): CountersignClient {
  if (!options.baseUrl) throw new TypeError("createClient: baseUrl is required (e.g. https://countersign.example.com)");
  if (!options.apiKey) throw new TypeError("createClient: apiKey is required (an agent key, cs_…)");
  const http = createTransport(options);
  const warn = options.onWarning ?? ((message: string, error: unknown) => console.warn(`countersign: ${message}`, error));

  const client: CountersignClient = {
    requestApproval: (input, o) => http.mutation("agent.submit", input, o?.signal),
    get: (id, o) => http.query("agent.get", { id }, o?.signal),
    waitForDecision: (id, o) => waitForDecision(http, id, o ?? {}, Math.min(MAX_POLL_MS, Math.max(1, options.maxPollMs ?? MAX_POLL_MS))),
    cancel: (id, reason) => http.mutation("agent.cancel", reason === undefined ? { id } : { id, reason }),
    claim: (id, executionToken, o = {}) => http.mutation("agent.claim", { id, executionToken, ...o }),
    reportOutcome: (id, outcome, detail) => http.mutation("agent.reportOutcome", detail === undefined ? { id, outcome } : { id, outcome, detail }),
    guard: (toolFn, guardOptions) => guard(client, toolFn, guardOptions),
    warn,
  };
  return client;
}

/**
 * `agent.wait` in a loop, each call at most 55 s: the server answers the
 * moment the request is decided, so there is no polling interval to tune.
 * The loop ends when the request leaves `pending`, at `timeoutMs`, on abort,
 * or once its deadline has surely passed; the server reads a past-due request
 * as expired, so that last case only guards against a server that says
 * otherwise.
 */
async function waitForDecision(http: Transport, id: string, { timeoutMs, signal }: WaitOptions, maxPollMs: number): Promise<AgentRequestView> {
  const started = Date.now();
  const stopAt = timeoutMs === undefined ? Infinity : started + Math.max(0, timeoutMs);
  // An upper bound on the deadline in our own clock, whatever the server's clock says.
  let deadlineBound = Infinity;
  for (;;) {
    signal?.throwIfAborted();
    const pollMs = Math.floor(Math.min(maxPollMs, Math.max(0, Math.min(stopAt, deadlineBound) - Date.now())));
    const view = await withRetries(() => http.query<AgentRequestView>("agent.wait", { id, timeoutMs: pollMs }, signal), signal);
    if (view.status !== "pending") return view;
    if (deadlineBound === Infinity) deadlineBound = started + (Date.parse(view.expiresAt) - Date.parse(view.createdAt)) + DEADLINE_GRACE_MS;
    const now = Date.now();
    if (now >= stopAt || now >= deadlineBound) return view;
  }
}

/** Retries a long-poll that failed in transit (never one the server refused). */
async function withRetries<T>(fn: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      const transient = e instanceof CountersignError && (e.code === "NETWORK_ERROR" || e.code === "BAD_RESPONSE" || (e.httpStatus ?? 0) >= 502);
      if (!transient || attempt >= TRANSIENT_RETRIES) throw e;
      await abortableDelay(500 * 2 ** attempt, signal);
    }
  }
}

function abortableDelay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
