"use client";
import { useSyncExternalStore } from "react";

// One shared ticker for every countdown on the page, aligned to whole seconds.
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;

function tick() {
  for (const l of listeners) l();
  timer = setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) timer = setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
  };
}

const snapshot = () => Math.floor(Date.now() / 1000) * 1000;

/** The current time, re-rendering every second; 0 during server rendering (there is no "now" to agree on). */
export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot, () => 0);
}
