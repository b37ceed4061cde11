import type { Store } from "../../db/store";
import type { AuditEventRow } from "../../db/schema";

export const AUDIT_EXPORT_FORMATS = ["ndjson", "csv"] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

const CSV_COLUMNS = ["seq", "at", "actorType", "actorId", "action", "requestId", "data", "prevHash", "hash"] as const;

/** Quotes every field; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
function csvField(v: string | number | null): string {
  let s = v === null ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

function line(row: AuditEventRow, format: AuditExportFormat): string {
  if (format === "ndjson") return `${JSON.stringify({ ...row, data: JSON.parse(row.data) as unknown })}\n`;
  return `${CSV_COLUMNS.map((c) => csvField(row[c])).join(",")}\n`;
}

/** Streams the audit log, oldest first, in pages so memory stays flat at any size. */
export async function* exportAudit(store: Store, format: AuditExportFormat, pageSize = 5000): AsyncGenerator<string> {
  if (format === "csv") yield `${CSV_COLUMNS.join(",")}\n`;
  let after = 0;
  for (;;) {
    const page = await store.auditPage(after, pageSize);
    for (const row of page) yield line(row, format);
    const last = page.at(-1);
    if (!last || page.length < pageSize) return;
    after = last.seq;
  }
}
