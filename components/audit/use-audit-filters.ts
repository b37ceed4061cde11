"use client";
import { useCallback, useMemo } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { AUDIT_FILTER_KEYS, auditFilterShape, type AuditFilterInput } from "@/server/services/audit/schemas";

export type AuditFilterKey = keyof AuditFilterInput;

/** The filters in a URL: each parameter validated on its own, so one bad value drops only itself. */
export function filtersFromParams(params: URLSearchParams): AuditFilterInput {
  const out: Record<string, string> = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const raw = params.get(key);
    if (raw === null || raw.trim() === "") continue;
    const parsed = auditFilterShape[key].safeParse(raw);
    if (parsed.success && typeof parsed.data === "string") out[key] = parsed.data;
  }
  return out;
}

/** The same filters as a query string (no leading "?"), for links: the page's own URL and the export. */
export function filtersToQuery(filters: AuditFilterInput): string {
  const p = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const v = filters[key];
    if (v) p.set(key, v);
  }
  return p.toString();
}

/** Search text and filters live in the URL (?q=&outcome=&…), so a view of the log can be bookmarked and shared. */
export function useAuditFilters() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(params.toString())), [params]);

  const setFilter = useCallback(
    (key: AuditFilterKey, value: string | undefined) => {
      const next = filtersFromParams(new URLSearchParams(params.toString())) as Record<string, string | undefined>;
      next[key] = value?.trim() ? value : undefined;
      const qs = filtersToQuery(next);
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );
  const clear = useCallback(() => router.replace(pathname, { scroll: false }), [pathname, router]);
  const active = AUDIT_FILTER_KEYS.some((k) => filters[k] !== undefined);
  return { filters, setFilter, clear, active };
}
