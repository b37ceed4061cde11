import type { AuditFacets } from "../../db/audit-search";
import type { ServiceContext } from "../context";
import { toStoreFilter } from "./filter";
import { toAuditItem, type AuditItem } from "./present";
import { auditSearchInputSchema, type AuditSearchInput } from "./schemas";

export type AuditSearchPage = { items: AuditItem[]; nextCursor: number | null };

/**
 * Searches the audit log, newest first, one keyset page at a time. The text
 * is matched through the full-text index after being reduced to safe FTS5
 * phrases, so no input can make the query fail.
 */
export async function searchAuditLog({ ctx, input }: { ctx: ServiceContext; input: AuditSearchInput }): Promise<AuditSearchPage> {
  const parsed = auditSearchInputSchema.parse(input);
  const rows = await ctx.store.searchAudit({
    ...toStoreFilter(parsed),
    cursor: parsed.cursor ?? undefined,
    limit: parsed.limit + 1,
    order: "desc",
  });
  const page = rows.slice(0, parsed.limit);
  const last = page.at(-1);
  return { items: page.map(toAuditItem), nextCursor: rows.length > parsed.limit && last ? last.seq : null };
}

/** The agents, tools and reviewers that occur in the log, for the filter menus. */
export async function listAuditFacets({ ctx }: { ctx: ServiceContext }): Promise<AuditFacets> {
  return ctx.store.auditFacets();
}
