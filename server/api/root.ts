import { createCallerFactory, createTRPCRouter } from "./trpc";
import { agentRouter } from "./routers/agent";
import { reviewRouter } from "./routers/review";
import { auditRouter } from "./routers/audit";
import { setupRouter } from "./routers/setup";
import { meRouter } from "./routers/me";
import { agentsRouter } from "./routers/agents";
import { usersRouter } from "./routers/users";
import { settingsRouter } from "./routers/settings";

export const appRouter = createTRPCRouter({
  agent: agentRouter,
  review: reviewRouter,
  audit: auditRouter,
  setup: setupRouter,
  me: meRouter,
  agents: agentsRouter,
  users: usersRouter,
  settings: settingsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
