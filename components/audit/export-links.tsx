import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { AuditFilterInput } from "@/server/services/audit/schemas";
import { filtersToQuery } from "./use-audit-filters";

/** Downloads of the current filter, streamed by the server (GET /api/audit/export, admins). */
export function ExportLinks({ filters }: { filters: AuditFilterInput }) {
  const qs = filtersToQuery(filters);
  const href = (format: "ndjson" | "csv") => `/api/audit/export?format=${format}${qs ? `&${qs}` : ""}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button asChild variant="outline" size="sm">
        <a href={href("ndjson")} download>
          <Download aria-hidden /> Export NDJSON
        </a>
      </Button>
      <Button asChild variant="outline" size="sm">
        <a href={href("csv")} download>
          <Download aria-hidden /> Export CSV
        </a>
      </Button>
    </div>
  );
}
