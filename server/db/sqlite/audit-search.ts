import type { Statement } from "better-sqlite3";
import type { Db } from "../client";
import { AUDIT_FACETS, facetToken } from "../../domain/audit/search-index";
import type { AuditFacets, AuditFilter, AuditQuery, AuditSearchRow, AuditStats, AuditStatsQuery } from "../audit-search";

/**
 * Audit search on SQLite. Results are ordered by seq (the chain order) and
 * paged by keyset. Words and facet filters are one FTS5 query: the index
 * holds each event's text in `body` and one exact token per facet value in
 * `facets` (drizzle/sqlite/0002), so FTS5 intersects them itself, walking
 * matches in seq order and stopping at the page size; only the page's rows
 * are read from audit_event. With neither, the table is read in seq order.
 */

const COLUMNS =
  "e.seq, e.at, e.actor_type AS actorType, e.actor_id AS actorId, e.action, e.request_id AS requestId, e.data, e.prev_hash AS prevHash, e.hash, " +
  "e.outcome, e.agent, e.tool, e.risk, e.channel, e.reviewer, e.waited_ms AS waitedMs";
/** Events are appended in time order to within a few ms; this margin makes time bounds on seq safe across clocks. */
const CLOCK_SLACK_MS = 10 * 60_000;

type Params = Record<string, string | number>;

/** The MATCH expression for a filter, or null when it has neither words nor facets. */
function matchExpression(f: AuditFilter): string | null {
  const parts = (f.phrases ?? []).map((p) => `body : ${p}`);
  for (const facet of AUDIT_FACETS) {
    const v = f[facet];
    if (v !== undefined) parts.push(`facets : "${facetToken(facet, v)}"`);
  }
  return parts.length > 0 ? parts.join(" AND ") : null;
}

/** Prepared statements are cached per shape of query (which conditions are present). */
export function createAuditSearch(db: Db) {
  const cache = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    let s = cache.get(sql);
    if (!s) {
      s = db.$client.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };
  const shift = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
  const lowSeq = prepare("SELECT seq FROM audit_event WHERE at >= ? ORDER BY at ASC LIMIT 1");
  const highSeq = prepare("SELECT seq FROM audit_event WHERE at < ? ORDER BY at DESC LIMIT 1");

  /**
   * Time bounds become seq bounds on `key` (found through the `at` index) as
   * well as exact conditions on `at`, so each plan walks only the period's
   * part of the log.
   */
  function timeConditions(f: AuditFilter, key: string, params: Params): string[] {
    const where: string[] = [];
    if (f.from !== undefined) {
      const lo = lowSeq.get(shift(f.from, -CLOCK_SLACK_MS)) as { seq: number } | undefined;
      where.push(`${key} >= @lo`, "e.at >= @from");
      params.lo = lo?.seq ?? Number.MAX_SAFE_INTEGER;
      params.from = f.from;
    }
    if (f.to !== undefined) {
      const hi = highSeq.get(shift(f.to, CLOCK_SLACK_MS)) as { seq: number } | undefined;
      where.push(`${key} <= @hi`, "e.at < @to");
      params.hi = hi?.seq ?? 0;
      params.to = f.to;
    }
    return where;
  }

  function search(q: AuditQuery): AuditSearchRow[] {
    const params: Params = { limit: q.limit };
    const dir = q.order === "asc" ? "ASC" : "DESC";
    const match = q.requestId === undefined ? matchExpression(q) : null;
    const key = match !== null ? "f.rowid" : "e.seq";
    const where = timeConditions(q, key, params);
    if (q.cursor !== undefined) {
      where.push(`${key} ${q.order === "asc" ? ">" : "<"} @cursor`);
      params.cursor = q.cursor;
    }
    let inner: string;
    if (match !== null) {
      params.match = match;
      // CROSS JOIN keeps the full-text index as the outer loop.
      inner = `SELECT ${COLUMNS} FROM audit_fts f CROSS JOIN audit_event e ON e.seq = f.rowid WHERE audit_fts MATCH @match${where.map((w) => ` AND ${w}`).join("")} ORDER BY f.rowid ${dir} LIMIT @limit`;
    } else {
      if (q.requestId !== undefined) {
        // A request has a handful of events: its index, then the facets checked on those rows.
        where.push("e.request_id = @requestId");
        params.requestId = q.requestId;
        for (const facet of AUDIT_FACETS) {
          const v = q[facet];
          if (v !== undefined) {
            where.push(`e.${facet} = @${facet}`);
            params[facet] = v;
          }
        }
      }
      inner = `SELECT ${COLUMNS} FROM audit_event e${where.length ? ` WHERE ${where.join(" AND ")}` : ""} ORDER BY e.seq ${dir} LIMIT @limit`;
    }
    const sql =
      `SELECT r.*, coalesce(u.email, a.name) AS actorName FROM (${inner}) r ` +
      `LEFT JOIN "user" u ON r.actorType = 'user' AND u.id = r.actorId LEFT JOIN agent a ON r.actorType = 'agent' AND a.id = r.actorId ORDER BY r.seq ${dir}`;
    return prepare(sql).all(params) as AuditSearchRow[];
  }

  function stats(q: AuditStatsQuery): AuditStats {
    // One index range count per day and outcome (audit_event_outcome_at_idx): a few ms at a
    // million events, where grouping the rows by day costs ten times that.
    const perDay = prepare(
      `WITH d(day, s, e) AS (SELECT value, value || 'T00:00:00.000Z', date(value, '+1 day') || 'T00:00:00.000Z' FROM json_each(@days)), ` +
        `o(outcome) AS (VALUES ('approved'), ('denied'), ('expired'), ('cancelled')) ` +
        `SELECT d.day, o.outcome, (SELECT count(*) FROM audit_event WHERE outcome = o.outcome AND at >= d.s AND at < d.e) AS count FROM d, o`,
    ).all({ days: JSON.stringify(q.days) }) as AuditStats["perDay"];
    // People's decisions only (reviewer is set on nothing else), from audit_event_reviewed_risk_at_idx alone.
    const timeToDecision = prepare(
      `SELECT risk, count(waited_ms) AS count, percentile(waited_ms, 50) AS p50Ms, percentile(waited_ms, 90) AS p90Ms FROM audit_event ` +
        `WHERE reviewer IS NOT NULL AND risk IN ('low', 'medium', 'high', 'critical') AND at >= @from AND at < @to GROUP BY risk`,
    ).all({ from: q.from, to: q.to }) as AuditStats["timeToDecision"];
    return { perDay, timeToDecision };
  }

  /** Distinct values of an indexed facet: one index seek per value (a skip scan), not a walk over every event. */
  const distinct = (col: "agent" | "tool" | "reviewer", max: number) =>
    prepare(
      `WITH RECURSIVE v(x, n) AS (SELECT (SELECT min(${col}) FROM audit_event WHERE ${col} IS NOT NULL), 1 ` +
        `UNION ALL SELECT (SELECT min(${col}) FROM audit_event WHERE ${col} > v.x), n + 1 FROM v WHERE v.x IS NOT NULL AND n < ${max}) ` +
        `SELECT x FROM v WHERE x IS NOT NULL`,
    )
      .pluck()
      .all() as string[];

  function facets(): AuditFacets {
    const reviewerIds = distinct("reviewer", 500);
    const emails = new Map<string, string>();
    if (reviewerIds.length > 0) {
      const rows = prepare(`SELECT id, email FROM "user" WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(reviewerIds)) as { id: string; email: string }[];
      for (const r of rows) emails.set(r.id, r.email);
    }
    return {
      agents: distinct("agent", 500),
      tools: distinct("tool", 500),
      reviewers: reviewerIds.map((id) => ({ id, label: emails.get(id) ?? id })).sort((a, b) => a.label.localeCompare(b.label)),
    };
  }

  return { search, stats, facets };
}

export type AuditSearch = ReturnType<typeof createAuditSearch>;
