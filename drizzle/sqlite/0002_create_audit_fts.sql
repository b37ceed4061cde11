-- Full-text index over the audit log (DESIGN.md §5), keyed by seq. Contentless:
-- the text stays in audit_event; only the index is kept here. `body` holds the
-- event's words (tool, summary, arguments, comments, reasons), `facets` one
-- exact token per filter value; see server/domain/audit/search-index.ts.
--
-- The store fills it shortly after each commit and before every search
-- (server/db/sqlite/audit-index.ts), and on start-up indexes any events that
-- are not in it yet: that is the backfill of a log that predates this table.
-- It is not filled by an SQL trigger because FTS5 flushes at every savepoint
-- and every write in a group commit has one: indexing row by row in the write
-- transactions cost about three times the CPU of indexing in batches
-- (docs/decisions.md). contentless_delete leaves room for retention pruning;
-- the hash chain is untouched.
CREATE VIRTUAL TABLE `audit_fts` USING fts5(
  body,
  facets,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '3'
);
