import { z } from "zod";
import { RISK_TIERS } from "../../domain/approval/risk";
import { CHANNELS } from "../context";

/** Client-safe: the dashboard builds its filters and URLs from these. */

export const AUDIT_OUTCOMES = ["approved", "denied", "expired", "cancelled", "succeeded", "failed"] as const;
export const DECISION_OUTCOMES = ["approved", "denied", "expired", "cancelled"] as const;
export const AUDIT_PAGE_MAX = 100;

/** A calendar day (taken as UTC: from its start, or to its end) or an instant with an offset. */
const instantSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: "expected a date (YYYY-MM-DD) or an ISO-8601 date-time" });
const facet = (max: number) => z.string().trim().min(1).max(max);

export const auditFilterShape = {
  q: z.string().max(500).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  risk: z.enum(RISK_TIERS).optional(),
  agent: facet(200).optional(),
  tool: facet(200).optional(),
  reviewer: facet(200).optional(),
  channel: z.enum(CHANNELS).optional(),
  from: instantSchema.optional(),
  to: instantSchema.optional(),
};
export const auditFilterSchema = z.strictObject(auditFilterShape);
export type AuditFilterInput = z.infer<typeof auditFilterSchema>;
export const AUDIT_FILTER_KEYS = Object.keys(auditFilterShape) as (keyof AuditFilterInput)[];

export const auditSearchInputSchema = z.strictObject({
  ...auditFilterShape,
  /** Exclusive keyset cursor: `nextCursor` of the previous page. */
  cursor: z.number().int().positive().nullish(),
  limit: z.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
  /** Sent by tRPC's infinite queries; paging is forward only. */
  direction: z.enum(["forward", "backward"]).optional(),
});
export type AuditSearchInput = z.input<typeof auditSearchInputSchema>;

export const auditStatsInputSchema = z.strictObject({ days: z.number().int().min(1).max(90).default(14) });
export type AuditStatsInput = z.input<typeof auditStatsInputSchema>;

export const auditVerifyInputSchema = z.strictObject({ full: z.boolean().optional() }).optional();

export const AUDIT_EXPORT_FORMATS = ["ndjson", "csv"] as const;
export const auditExportQuerySchema = z.strictObject({ ...auditFilterShape, format: z.enum(AUDIT_EXPORT_FORMATS) });
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;
