import type { Store } from "../../db/store";
import type { AuditChainRow, AuditFilter } from "../../db/audit-search";
import { AUDIT_EXPORT_FORMATS, type AuditExportQuery } from "./schemas";

export { AUDIT_EXPORT_FORMATS };
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

const CSV_COLUMNS = ["seq", "at", "actorType", "actorId", "action", "requestId", "data", "prevHash", "hash"] as const;

/** Quotes every field; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
export function csvField(v: string | number | null): string {
  let s = v === null ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/** The stored event, as chained: an unfiltered NDJSON export can be verified link by link. */
function line(row: AuditChainRow, format: AuditExportFormat): string {
  const { seq, at, actorType, actorId, action, requestId, data, prevHash, hash } = row;
  if (format === "ndjson") return `${JSON.stringify({ seq, at, actorType, actorId, action, requestId, data: JSON.parse(data) as unknown, prevHash, hash })}\n`;
  return `${CSV_COLUMNS.map((c) => csvField(row[c])).join(",")}\n`;
}

const yieldToEventLoop = () => new Promise<void>((r) => setImmediate(r));
const isEmpty = (f: AuditFilter) => Object.values(f).every((v) => v === undefined);

/**
 * Streams the audit log (or the events matching `filter`), oldest first, in
 * keyset pages so memory stays flat at any size, yielding to the event loop
 * between pages.
 */
export async function* exportAudit(
  store: Store,
  format: AuditExportFormat,
  filter: AuditFilter = {},
  opts: { pageSize?: number; progress?: { events: number } } = {},
): AsyncGenerator<string> {
  const pageSize = opts.pageSize ?? 2000;
  if (format === "csv") yield `${CSV_COLUMNS.join(",")}\n`;
  const all = isEmpty(filter);
  let after = 0;
  for (;;) {
    const page: AuditChainRow[] = all ? await store.auditPage(after, pageSize) : await store.searchAudit({ ...filter, cursor: after, limit: pageSize, order: "asc" });
    let chunk = "";
    for (const row of page) chunk += line(row, format);
    if (opts.progress) opts.progress.events += page.length;
    if (chunk) yield chunk;
    const last = page.at(-1);
    if (!last || page.length < pageSize) return;
    after = last.seq;
    await yieldToEventLoop();
  }
}

export const exportFileName = (q: AuditExportQuery, now: Date) => `countersign-audit-${now.toISOString().slice(0, 19).replace(/[:T]/g, "-")}.${q.format === "csv" ? "csv" : "ndjson"}`;
