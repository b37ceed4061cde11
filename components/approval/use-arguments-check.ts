"use client";
import { useEffect, useState } from "react";
import { useTRPCClient } from "@/components/providers/trpc";
import type { JsonObject } from "@/server/domain/json/canonical";

type Check = { key: string; problems: { path: string; message: string }[]; hasSchema: boolean; error: string | null };

/**
 * Checks edited arguments against the request's argumentsSchema on the server
 * (the page's CSP forbids the eval a JSON Schema compiler needs), 400 ms
 * after the reviewer stops typing. An answer for text since changed is ignored.
 */
export function useArgumentsCheck(id: string, value: JsonObject | null, delayMs = 400) {
  const client = useTRPCClient();
  const [check, setCheck] = useState<Check | null>(null);
  const key = value ? JSON.stringify(value) : null;

  useEffect(() => {
    if (key === null || value === null) return;
    let cancelled = false;
    const t = setTimeout(() => {
      client.review.validateArguments.mutate({ id, finalArguments: value }).then(
        (r) => !cancelled && setCheck({ key, problems: r.problems, hasSchema: r.hasSchema, error: null }),
        (e: unknown) => !cancelled && setCheck({ key, problems: [], hasSchema: false, error: e instanceof Error ? e.message : String(e) }),
      );
    }, delayMs);
    return () => {
      cancelled = true;
      clearTimeout(t);
    };
    // `value` is described by `key`; depending on the object itself would re-run on every render.
  }, [id, key, client, delayMs]);

  const current = check && check.key === key ? check : null;
  return {
    checking: key !== null && current === null,
    problems: current?.problems ?? [],
    hasSchema: current?.hasSchema ?? false,
    error: current?.error ?? null,
  };
}
