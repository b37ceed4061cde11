import { createTRPCRouter, userProcedure } from "../trpc";
import { decideInputSchema, getInputSchema, listInputSchema } from "../../services/approval/schemas";
import { getRequestForReview, listRequests } from "../../services/approval/review";
import { decideRequest } from "../../services/approval/decide";

/** What reviewers call from the dashboard, authenticated by their session. */
export const reviewRouter = createTRPCRouter({
  list: userProcedure("viewer").input(listInputSchema).query(({ ctx, input }) => listRequests({ ctx: ctx.svc, input })),
  get: userProcedure("viewer").input(getInputSchema).query(({ ctx, input }) => getRequestForReview({ ctx: ctx.svc, input })),
  decide: userProcedure("reviewer").input(decideInputSchema).mutation(({ ctx, input }) => decideRequest({ ctx: ctx.svc, input })),
});
