"use client";
import { useQueryClient, type QueryKey } from "@tanstack/react-query";

/**
 * Wraps an admin call so the list behind `queryKey` is refreshed afterwards,
 * whether the call worked or not: another admin may have changed the same row.
 */
export function useAdminAction(queryKey: QueryKey) {
  const qc = useQueryClient();
  return async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } finally {
      await qc.invalidateQueries({ queryKey });
    }
  };
}
