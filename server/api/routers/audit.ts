import { z } from "zod";
import { createTRPCRouter, userProcedure } from "../trpc";
import { verifyAuditChain } from "../../services/audit/verify";

export const auditRouter = createTRPCRouter({
  verify: userProcedure("admin").input(z.strictObject({}).optional()).query(({ ctx }) => verifyAuditChain(ctx.svc.store)),
});
