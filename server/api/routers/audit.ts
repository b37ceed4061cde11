import { createTRPCRouter, userProcedure } from "../trpc";
import { verifyAuditChainCached } from "../../services/audit/verify";
import { listAuditFacets, searchAuditLog } from "../../services/audit/search";
import { getAuditStats } from "../../services/audit/stats";
import { auditSearchInputSchema, auditStatsInputSchema, auditVerifyInputSchema } from "../../services/audit/schemas";

/**
 * Reviewers and admins search the log and read its charts; verifying the
 * chain and exporting (GET /api/audit/export) are admin acts (docs/decisions.md).
 */
export const auditRouter = createTRPCRouter({
  search: userProcedure("reviewer").input(auditSearchInputSchema).query(({ ctx, input }) => searchAuditLog({ ctx: ctx.svc, input })),
  facets: userProcedure("reviewer").query(({ ctx }) => listAuditFacets({ ctx: ctx.svc })),
  stats: userProcedure("reviewer").input(auditStatsInputSchema).query(({ ctx, input }) => getAuditStats({ ctx: ctx.svc, input })),
  verify: userProcedure("admin")
    .input(auditVerifyInputSchema)
    .query(({ ctx, input }) => verifyAuditChainCached(ctx.svc.store, { full: input?.full, now: ctx.svc.now })),
});
