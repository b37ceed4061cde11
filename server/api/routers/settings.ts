import { createTRPCRouter, userProcedure } from "../trpc";
import { getSettings } from "../../services/settings/get-settings";

/** What this installation is configured with: admin only, read-only. */
export const settingsRouter = createTRPCRouter({
  get: userProcedure("admin").query(({ ctx }) => getSettings({ ctx: ctx.svc, env: ctx.rt.env })),
});
