import { createTRPCRouter } from "../trpc";

export const usersRouter = createTRPCRouter({});
