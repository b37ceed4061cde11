import { ApprovalDeniedError, CountersignError } from "./errors.js";
import type { CountersignClient } from "./client.js";
import type { AgentRequestView, ApprovalRequestInput, JsonObject, Preview, ToolAnnotations } from "./types.js";

export type GuardOptions<A> = {
  /** The Countersign tool name, e.g. `github.delete_repository`. */
  tool: string;
  /** One line the reviewer reads first. */
  summary?: string | ((args: A) => string);
  /** Why the agent wants this. */
  reason?: string | ((args: A) => string);
  annotations?: ToolAnnotations;
  /** The dry run: what would change. Computed before submitting. */
  preview?: (args: A) => Preview | Promise<Preview>;
  /** JSON Schema a reviewer's modified arguments must satisfy (checked by the server). */
  argumentsSchema?: JsonObject;
  timeoutSeconds?: number;
  session?: string;
  resources?: string[] | ((args: A) => string[]);
  /** Resubmitting the same key returns the same request instead of asking twice. */
  idempotencyKey?: (args: A) => string;
  callbackUrl?: string;
  /** The target's version right before execution; required when the preview named a `targetVersion`. */
  currentVersion?: (finalArgs: A) => string | Promise<string>;
  /** Checks (and converts) the final, possibly reviewer-modified, arguments before the tool sees them; throw to refuse. */
  parseArguments?: (finalArguments: JsonObject) => A | Promise<A>;
  /** Called once the request waits for a human, e.g. to print its link. */
  onPending?: (view: AgentRequestView) => void;
};

/** `approvedArguments` exactly as approved (the token is bound to their hash); `finalArgs` as the tool takes them. */
export type Approved<A> = { view: AgentRequestView; approvedArguments: JsonObject; finalArgs: A };

/**
 * Wraps `toolFn` so it runs only once a human (or policy) approved it, and
 * then with the approved arguments, which the reviewer may have changed:
 * submit → wait → claim the execution token with the final arguments → run →
 * report the outcome. A denial, expiry or cancellation throws
 * ApprovalDeniedError and the tool does not run. Aborting the call's signal
 * while it waits cancels the request.
 */
export function guard<A extends object, R>(
  client: CountersignClient,
  toolFn: (args: A) => R | Promise<R>,
  options: GuardOptions<A>,
): (args: A, callOptions?: { signal?: AbortSignal }) => Promise<R> {
  return async (args, callOptions = {}) => {
    const approved = await obtainApproval(client, options, args, callOptions.signal);
    return executeApproved(client, approved, toolFn, options);
  };
}

/** Submits and waits; resolves only with an approval, throws ApprovalDeniedError otherwise. */
export async function obtainApproval<A extends object>(client: CountersignClient, options: GuardOptions<A>, args: A, signal?: AbortSignal): Promise<Approved<A>> {
  const submitted = await client.requestApproval(await toSubmission(options, args), { signal });
  let view = submitted;
  if (view.status === "pending") {
    options.onPending?.(view);
    try {
      view = await client.waitForDecision(view.id, { signal });
    } catch (e) {
      // Nobody will act on this approval any more: take it off the reviewers' queue.
      if (signal?.aborted) await client.cancel(view.id, "the agent stopped waiting").catch((err: unknown) => client.warn(`could not cancel request ${view.id}`, err));
      throw e;
    }
  }
  return await approvedOrThrow(view, options);
}

/** The approved arguments as the tool will receive them, or ApprovalDeniedError. */
export async function approvedOrThrow<A>(view: AgentRequestView, options: Pick<GuardOptions<A>, "parseArguments">): Promise<Approved<A>> {
  if (view.status !== "approved" || view.executionToken === null) throw new ApprovalDeniedError(view);
  const final = view.decision?.finalArguments;
  const finalArguments = typeof final === "object" && final !== null && !Array.isArray(final) ? final : null;
  if (finalArguments === null) {
    throw new CountersignError({ code: "BAD_RESPONSE", procedure: "agent.wait", message: `request ${view.id} is approved but carries no final arguments; not executing` });
  }
  const finalArgs = options.parseArguments ? await options.parseArguments(finalArguments) : (finalArguments as A);
  return { view, approvedArguments: finalArguments, finalArgs };
}

/** Claims the execution, runs the tool with the final arguments, reports how it went. */
export async function executeApproved<A extends object, R>(
  client: CountersignClient,
  { view, approvedArguments, finalArgs }: Approved<A>,
  toolFn: (args: A) => R | Promise<R>,
  options: Pick<GuardOptions<A>, "currentVersion">,
): Promise<R> {
  const currentVersion = options.currentVersion ? await options.currentVersion(finalArgs) : undefined;
  // The claim is refused unless these are exactly the approved arguments: the token is bound to their hash.
  await client.claim(view.id, view.executionToken ?? "", { arguments: approvedArguments, ...(currentVersion === undefined ? {} : { currentVersion }) });
  let result: R;
  try {
    result = await toolFn(finalArgs);
  } catch (e) {
    await client.reportOutcome(view.id, "failed", errorDetail(e)).catch((err: unknown) => client.warn(`could not report the failure of request ${view.id}`, err));
    throw e;
  }
  // The action happened: a lost report must not make the agent think it failed and try again.
  await client.reportOutcome(view.id, "succeeded").catch((err: unknown) => client.warn(`could not report the success of request ${view.id}`, err));
  return result;
}

export async function toSubmission<A extends object>(options: GuardOptions<A>, args: A): Promise<ApprovalRequestInput> {
  const pick = <T>(v: T | ((a: A) => T) | undefined): T | undefined => (typeof v === "function" ? (v as (a: A) => T)(args) : v);
  const input: ApprovalRequestInput = { tool: options.tool, arguments: args as JsonObject };
  const summary = pick(options.summary);
  const reason = pick(options.reason);
  const resources = pick(options.resources);
  if (summary !== undefined) input.summary = summary.slice(0, 500);
  if (reason !== undefined) input.reason = reason.slice(0, 5000);
  if (resources !== undefined) input.resources = resources;
  if (options.annotations) input.annotations = options.annotations;
  if (options.preview) input.preview = await options.preview(args);
  if (options.argumentsSchema) input.argumentsSchema = options.argumentsSchema;
  if (options.timeoutSeconds !== undefined) input.timeoutSeconds = options.timeoutSeconds;
  if (options.session !== undefined) input.session = options.session;
  if (options.idempotencyKey) input.idempotencyKey = options.idempotencyKey(args);
  if (options.callbackUrl !== undefined) input.callbackUrl = options.callbackUrl;
  return input;
}

const MAX_DETAIL = 10_000;

function errorDetail(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text;
}
