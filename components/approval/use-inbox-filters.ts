"use client";
import { useCallback, useMemo } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { RISK_TIERS, type RiskTier } from "@/server/domain/approval/risk";

export type InboxFilters = { risk?: RiskTier; agentId?: string; tool?: string };

/** The inbox filters live in the URL (?risk=&agent=&tool=) so a filtered view can be bookmarked and shared. */
export function useInboxFilters(): { filters: InboxFilters; setFilter: (key: keyof InboxFilters, value: string | undefined) => void; clear: () => void; active: boolean } {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();

  const filters = useMemo<InboxFilters>(() => {
    const risk = params.get("risk");
    const agent = params.get("agent")?.trim();
    const tool = params.get("tool")?.trim();
    return {
      risk: (RISK_TIERS as readonly string[]).includes(risk ?? "") ? (risk as RiskTier) : undefined,
      agentId: agent ? agent.slice(0, 200) : undefined,
      tool: tool ? tool.slice(0, 200) : undefined,
    };
  }, [params]);

  const setFilter = useCallback(
    (key: keyof InboxFilters, value: string | undefined) => {
      const next = new URLSearchParams(params.toString());
      const name = key === "agentId" ? "agent" : key;
      if (value) next.set(name, value);
      else next.delete(name);
      const qs = next.toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );

  const clear = useCallback(() => router.replace(pathname, { scroll: false }), [pathname, router]);
  return { filters, setFilter, clear, active: Boolean(filters.risk ?? filters.agentId ?? filters.tool) };
}
