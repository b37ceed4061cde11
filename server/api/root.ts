import { createCallerFactory, createTRPCRouter } from "./trpc";
import { agentRouter } from "./routers/agent";
import { reviewRouter } from "./routers/review";
import { auditRouter } from "./routers/audit";

export const appRouter = createTRPCRouter({
  agent: agentRouter,
  review: reviewRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
