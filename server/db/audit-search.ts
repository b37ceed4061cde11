import type { AuditEventRow } from "./schema";

/** An event as chained and exported: the stored columns, without the derived search facets. */
export type AuditChainRow = Omit<AuditEventRow, "outcome" | "agent" | "tool" | "risk" | "channel" | "reviewer" | "waitedMs">;

/** Which audit events to return. Every field narrows; absent fields do not. */
export type AuditFilter = {
  /** Sanitized FTS5 phrases (domain/audit/search-query), never raw user text; all must match. */
  phrases?: string[];
  requestId?: string;
  outcome?: string;
  risk?: string;
  agent?: string;
  tool?: string;
  /** A user id: the reviewer who approved or denied. */
  reviewer?: string;
  channel?: string;
  /** ISO-8601, inclusive. */
  from?: string;
  /** ISO-8601, exclusive. */
  to?: string;
};

export type AuditQuery = AuditFilter & {
  /** Exclusive keyset cursor: the seq of the last event of the previous page. */
  cursor?: number;
  limit: number;
  /** "desc" (newest first) for browsing, "asc" for export. */
  order: "desc" | "asc";
};

/** An event with its derived facets and the actor's current name (user email or agent name), if known. */
export type AuditSearchRow = AuditEventRow & { actorName: string | null };

/** `days` are UTC calendar days (YYYY-MM-DD) for the per-day counts; `from`/`to` (ISO) bound the time to decision. */
export type AuditStatsQuery = { days: string[]; from: string; to: string };

export type AuditStats = {
  /** Decisions (approved, denied, expired, cancelled) per UTC day. */
  perDay: { day: string; outcome: string; count: number }[];
  /** Time from submission to a human approval or denial, by risk. */
  timeToDecision: { risk: string; count: number; p50Ms: number; p90Ms: number }[];
};

export type AuditFacets = {
  agents: string[];
  tools: string[];
  reviewers: { id: string; label: string }[];
};
