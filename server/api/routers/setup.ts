import { createTRPCRouter, publicProcedure } from "../trpc";
import { createFirstAdmin, createFirstAdminInputSchema } from "../../services/users/create-first-admin";

/** First-run setup: public, and only useful while the installation has no user. */
export const setupRouter = createTRPCRouter({
  status: publicProcedure.query(async ({ ctx }) => ({ needsFirstAdmin: (await ctx.rt.store.countUsers()) === 0 })),
  createFirstAdmin: publicProcedure
    .input(createFirstAdminInputSchema)
    .mutation(({ ctx, input }) => createFirstAdmin({ ctx: ctx.rt.svc({ type: "system", job: "first-run", channel: "web" }), input })),
});
