import { TRPCError } from "@trpc/server";
import { createTRPCRouter, userProcedure } from "../trpc";
import {
  answerInputSchema,
  decideInputSchema,
  decideManyInputSchema,
  getInputSchema,
  listInputSchema,
  validateArgumentsInputSchema,
} from "../../services/approval/schemas";
import { getRequestForReview, listAgentNames, listRequests } from "../../services/approval/review";
import { decideRequest } from "../../services/approval/decide";
import { decideManyRequests } from "../../services/approval/decide-many";
import { answerQuestion } from "../../services/approval/answer";
import { getRequestTimeline } from "../../services/approval/timeline";
import { validateArguments } from "../../services/approval/validate-arguments";
import { watchRequestChanges } from "../../services/approval/watch-changes";

/** What reviewers call from the dashboard, authenticated by their session. */
export const reviewRouter = createTRPCRouter({
  list: userProcedure("viewer").input(listInputSchema).query(({ ctx, input }) => listRequests({ ctx: ctx.svc, input })),
  get: userProcedure("viewer").input(getInputSchema).query(({ ctx, input }) => getRequestForReview({ ctx: ctx.svc, input })),
  timeline: userProcedure("viewer").input(getInputSchema).query(({ ctx, input }) => getRequestTimeline({ ctx: ctx.svc, input })),
  agents: userProcedure("viewer").query(({ ctx }) => listAgentNames({ ctx: ctx.svc })),
  decide: userProcedure("reviewer").input(decideInputSchema).mutation(({ ctx, input }) => decideRequest({ ctx: ctx.svc, input })),
  decideMany: userProcedure("reviewer").input(decideManyInputSchema).mutation(({ ctx, input }) => decideManyRequests({ ctx: ctx.svc, input })),
  answer: userProcedure("reviewer").input(answerInputSchema).mutation(({ ctx, input }) => answerQuestion({ ctx: ctx.svc, input })),
  // A mutation only so the arguments (up to 64 KiB) travel in a POST body, not a GET URL; it changes nothing.
  validateArguments: userProcedure("reviewer")
    .input(validateArgumentsInputSchema)
    .mutation(({ ctx, input }) => validateArguments({ ctx: ctx.svc, input })),

  /** Server-sent events: `{ id, status }` for every committed change, so open inboxes refresh at once. */
  onChange: userProcedure("viewer").subscription(async function* ({ ctx, signal }) {
    const end = yield* watchRequestChanges({ ctx: ctx.svc, signal });
    // An error, not a quiet end: the client then stops, and a reload lands on sign-in.
    if (end === "revoked") throw new TRPCError({ code: "UNAUTHORIZED", message: "your account is no longer active" });
  }),
});
