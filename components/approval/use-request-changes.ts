"use client";
import { useEffect, useRef } from "react";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "@/components/providers/trpc";

export type RequestChange = { id: string; status: string };

/**
 * Listens to review.onChange (SSE) and calls `refresh` at most every
 * `throttleMs` while changes arrive: a burst of a hundred submissions costs
 * a few refetches, not a hundred, and the first one still lands at once.
 * `refresh(null)` after (re)connecting: changes may have been missed.
 */
export function useRequestChanges(refresh: (changes: RequestChange[] | null) => void, throttleMs = 250) {
  const trpc = useTRPC();
  const refreshRef = useRef(refresh);
  const queue = useRef<RequestChange[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const last = useRef(0);

  useEffect(() => {
    refreshRef.current = refresh;
  }, [refresh]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const flush = () => {
    timer.current = null;
    last.current = Date.now();
    const batch = queue.current;
    queue.current = [];
    refreshRef.current(batch);
  };

  const subscription = useSubscription(
    trpc.review.onChange.subscriptionOptions(undefined, {
      onStarted: () => refreshRef.current(null),
      onData: (change) => {
        queue.current.push(change);
        if (timer.current) return;
        timer.current = setTimeout(flush, Math.max(0, last.current + throttleMs - Date.now()));
      },
    }),
  );
  return { live: subscription.status === "pending" };
}
