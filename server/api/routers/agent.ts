import { effectiveStatus } from "../../domain/approval/status";
import { agentProcedure, createTRPCRouter } from "../trpc";
import {
  askInputSchema,
  cancelInputSchema,
  claimInputSchema,
  getInputSchema,
  reportOutcomeInputSchema,
  submitInputSchema,
  waitInputSchema,
} from "../../services/approval/schemas";
import { submitRequest } from "../../services/approval/submit";
import { askQuestion } from "../../services/approval/ask";
import { checkInputSchema, checkPermission } from "../../services/approval/check";
import { getRequest, loadOwnRequest } from "../../services/approval/get";
import { DEADLINE_GRACE_MS, nextChange, waitForRequest } from "../../services/approval/wait";
import { cancelRequest } from "../../services/approval/cancel";
import { claimExecution } from "../../services/approval/claim";
import { reportOutcome } from "../../services/approval/report-outcome";
import { toAgentView } from "../../services/approval/view";
import { toTRPCError } from "../error-map";

/** What an agent calls, authenticated by its API key. */
export const agentRouter = createTRPCRouter({
  submit: agentProcedure.input(submitInputSchema).mutation(({ ctx, input }) => submitRequest({ ctx: ctx.svc, input })),
  /** What policy would do with this action, without creating a request. */
  check: agentProcedure.input(checkInputSchema).query(({ ctx, input }) => checkPermission({ ctx: ctx.svc, input })),
  ask: agentProcedure.input(askInputSchema).mutation(({ ctx, input }) => askQuestion({ ctx: ctx.svc, input })),
  get: agentProcedure.input(getInputSchema).query(({ ctx, input }) => getRequest({ ctx: ctx.svc, input })),
  wait: agentProcedure.input(waitInputSchema).query(({ ctx, input, signal }) => waitForRequest({ ctx: ctx.svc, input, signal })),
  cancel: agentProcedure.input(cancelInputSchema).mutation(({ ctx, input }) => cancelRequest({ ctx: ctx.svc, input })),
  claim: agentProcedure.input(claimInputSchema).mutation(({ ctx, input }) => claimExecution({ ctx: ctx.svc, input })),
  reportOutcome: agentProcedure.input(reportOutcomeInputSchema).mutation(({ ctx, input }) => reportOutcome({ ctx: ctx.svc, input })),

  /** Server-sent events: one event with the request once it leaves `pending` (at once if it already has). */
  onDecision: agentProcedure.input(getInputSchema).subscription(async function* ({ ctx, input, signal }) {
    const svc = ctx.svc;
    // Errors thrown while iterating bypass the mapErrors middleware: map them here, or a
    // NOT_FOUND goes out as INTERNAL_SERVER_ERROR, which tRPC clients retry forever.
    try {
      for (;;) {
        const change = nextChange(svc, input.id, 60_000, signal);
        const a = await loadOwnRequest(svc, input.id).catch((e: unknown) => {
          change.cancel();
          throw e;
        });
        const now = svc.now();
        if (effectiveStatus(a.request, now) !== "pending") {
          change.cancel();
          yield toAgentView(a, now, svc.config);
          return;
        }
        const deadlineIn = a.request.expiresAt.getTime() - now.getTime() + DEADLINE_GRACE_MS;
        const changed = await Promise.race([change.promise, new Promise<null>((r) => setTimeout(() => r(null), Math.max(0, deadlineIn)).unref())]);
        change.cancel();
        if (signal?.aborted) return;
        if (changed && changed.request.status !== "pending") {
          yield toAgentView(changed, svc.now(), svc.config);
          return;
        }
      }
    } catch (e) {
      throw toTRPCError(e) ?? e;
    }
  }),
});
