import type { CountersignClient } from "../client.js";
import { ApprovalDeniedError, CountersignError } from "../errors.js";
import { approvedOrThrow, executeApproved, obtainApproval, toSubmission, type GuardOptions } from "../guard.js";
import type { AgentRequestView } from "../types.js";

/*
 * OpenAI Agents SDK (`@openai/agents`): Countersign behind the SDK's own
 * human-in-the-loop flow. `needsApproval` submits the call and interrupts the
 * run unless policy approved it at once; `resolveInterruptions` waits for the
 * reviewers and approves or rejects each interruption in the RunState; the
 * wrapped `execute` claims the execution token, runs with the approved
 * (possibly modified) arguments and reports the outcome. Typed by shape only:
 * no runtime dependency on the SDK.
 */

type DetailsLike = { toolCall?: { callId?: string }; signal?: AbortSignal };
type InterruptionLike = { rawItem: { callId?: string; type?: string }; name?: string };
type StateLike<I> = { approve(item: I): void; reject(item: I, options?: { message?: string }): void };

type Tracked = { requestId: string; executesApprovedArguments: () => boolean };
/** callId → the Countersign request its needsApproval submitted, per client. */
const tracked = new WeakMap<CountersignClient, Map<string, Tracked>>();
const trackedFor = (client: CountersignClient) => {
  let m = tracked.get(client);
  if (!m) tracked.set(client, (m = new Map<string, Tracked>()));
  return m;
};

export type CountersignApproval<A> = {
  /** For `tool({ needsApproval })`: submits the call; true (interrupt) unless policy approved it at once. */
  needsApproval: (runContext: unknown, input: A, callId?: string) => Promise<boolean>;
  /**
   * For `tool({ execute })`: runs `fn` with the approved arguments after
   * claiming the execution, then reports the outcome. Without a matching
   * needsApproval submission (e.g. the tool has no needsApproval) it asks
   * Countersign itself and waits inside the tool call.
   */
  execute: <R, C>(fn: (input: A, context?: C, details?: DetailsLike) => R | Promise<R>) => (input: A, context?: C, details?: DetailsLike) => Promise<R>;
};

/** Options are guard's; `idempotencyKey` defaults to one derived from the SDK's tool call id. */
export function countersignApproval<A extends object = Record<string, unknown>>(client: CountersignClient, options: GuardOptions<A>): CountersignApproval<A> {
  let wrapsExecute = false;
  return {
    async needsApproval(_runContext, input, callId) {
      const submission = await toSubmission({ idempotencyKey: callId ? () => `openai-agents:${callId}` : undefined, ...options }, input);
      const view = await client.requestApproval(submission).catch((e: unknown) => {
        // A resumed run asks again for the same call; a preview computed afresh makes the body differ. Same call, same request.
        const existingId = e instanceof CountersignError && e.code === "CONFLICT" ? e.details?.existingId : undefined;
        if (typeof existingId === "string" && submission.idempotencyKey?.startsWith("openai-agents:")) return client.get(existingId);
        throw e;
      });
      if (callId) trackedFor(client).set(callId, { requestId: view.id, executesApprovedArguments: () => wrapsExecute });
      if (view.status === "pending") options.onPending?.(view);
      // Approved by policy with the arguments as proposed: no human needed, no interruption.
      return !(view.status === "approved" && view.decision?.modified !== true);
    },
    execute(fn) {
      wrapsExecute = true;
      return async (input, context, details) => {
        const callId = details?.toolCall?.callId;
        const entry = callId ? trackedFor(client).get(callId) : undefined;
        const run = (args: A) => fn(args, context, details);
        if (!entry) return executeApproved(client, await obtainApproval(client, options, input, details?.signal), run, options);
        if (callId) trackedFor(client).delete(callId);
        let view = await client.get(entry.requestId, { signal: details?.signal });
        if (view.status === "pending") view = await client.waitForDecision(view.id, { signal: details?.signal });
        return executeApproved(client, await approvedOrThrow(view, options), run, options);
      };
    },
  };
}

export type ResolvedInterruptions<I> = {
  approved: Array<{ item: I; view: AgentRequestView }>;
  rejected: Array<{ item: I; view: AgentRequestView; message: string }>;
  /** Interruptions no Countersign needsApproval submitted (another tool's, or from another process): left as they are. */
  unmanaged: I[];
};

/**
 * Waits for Countersign's decision on every interruption of `result` that a
 * Countersign needsApproval submitted, and approves or rejects it in
 * `result.state`; then call `run(agent, result.state)` to go on. A rejection
 * tells the model who refused and why. A reviewer's modified arguments are
 * honoured only by a tool whose execute is wrapped with `approval.execute`;
 * for any other tool such an approval is rejected with the approved
 * arguments in the message, so the model can call again with them.
 */
export async function resolveInterruptions<I extends InterruptionLike>(
  client: CountersignClient,
  result: { interruptions: readonly I[]; state: StateLike<I> },
  options: { signal?: AbortSignal } = {},
): Promise<ResolvedInterruptions<I>> {
  const registry = trackedFor(client);
  const out: ResolvedInterruptions<I> = { approved: [], rejected: [], unmanaged: [] };
  const managed = result.interruptions.flatMap((item) => {
    const entry = item.rawItem.callId ? registry.get(item.rawItem.callId) : undefined;
    if (!entry) out.unmanaged.push(item);
    return entry ? [{ item, entry }] : [];
  });
  const decided = await Promise.all(managed.map(async ({ item, entry }) => ({ item, entry, view: await client.waitForDecision(entry.requestId, { signal: options.signal }) })));
  for (const { item, entry, view } of decided) {
    if (view.status === "approved" && (view.decision?.modified !== true || entry.executesApprovedArguments())) {
      result.state.approve(item);
      out.approved.push({ item, view });
      continue;
    }
    const message =
      view.status === "approved"
        ? `Countersign: ${view.decision?.by ?? "the reviewer"} approved ${view.tool} only with these arguments: ${JSON.stringify(view.decision?.finalArguments)}. Call the tool again with exactly these arguments. (${view.url})`
        : new ApprovalDeniedError(view).message;
    if (item.rawItem.callId) registry.delete(item.rawItem.callId);
    result.state.reject(item, { message });
    out.rejected.push({ item, view, message });
  }
  return out;
}
