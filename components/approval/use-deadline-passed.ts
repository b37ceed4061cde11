"use client";
import { useEffect, useState } from "react";

/**
 * Whether `expiresAt` has passed, flipping once when it does: one timer, not
 * a re-render every second of a page that may hold thousands of rows.
 */
export function useDeadlinePassed(expiresAt: string | undefined): boolean {
  const [passedFor, setPassedFor] = useState<string | null>(null);
  useEffect(() => {
    if (!expiresAt) return;
    const left = Date.parse(expiresAt) - Date.now();
    // setTimeout fires at once for more than ~24.8 days; such a deadline is never that far off (max 24 h).
    const t = setTimeout(() => setPassedFor(expiresAt), Math.max(0, left));
    return () => clearTimeout(t);
  }, [expiresAt]);
  return expiresAt !== undefined && passedFor === expiresAt;
}
