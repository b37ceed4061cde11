import { createTRPCRouter, userProcedure } from "../trpc";

export const meRouter = createTRPCRouter({
  get: userProcedure("viewer").query(({ ctx }) => {
    const a = ctx.svc.actor;
    return a.type === "user" ? { userId: a.userId, email: a.email, role: a.role } : null;
  }),
});
