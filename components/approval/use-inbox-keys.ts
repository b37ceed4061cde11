"use client";
import { useEffect, useRef } from "react";

export type InboxKey = "next" | "prev" | "open" | "approve" | "deny" | "modify" | "toggle" | "help" | "search" | "clear";

const KEYS: Record<string, InboxKey> = {
  j: "next",
  ArrowDown: "next",
  k: "prev",
  ArrowUp: "prev",
  Enter: "open",
  a: "approve",
  d: "deny",
  m: "modify",
  x: "toggle",
  "?": "help",
  "/": "search",
  Escape: "clear",
};

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** Whether a key press may act as a single-key shortcut (see useInboxKeys for when they stand down). */
export function isShortcutEvent(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return false;
  if (isTyping(e.target)) return false;
  return !document.querySelector('[role="dialog"], [role="alertdialog"]');
}

/**
 * Single-key shortcuts for the inbox. They stand down while the reviewer types
 * in a field, while a dialog is open, with Ctrl/Cmd/Alt held (browser
 * shortcuts stay intact), and Enter stands down on a focused link or button.
 */
export function useInboxKeys(onKey: (key: InboxKey) => void) {
  const handler = useRef(onKey);
  useEffect(() => {
    handler.current = onKey;
  }, [onKey]);

  useEffect(() => {
    const listener = (e: KeyboardEvent) => {
      if (!isShortcutEvent(e)) return;
      const key = KEYS[e.key];
      if (!key) return;
      if (key === "open" && e.target instanceof HTMLElement && e.target.closest("a, button")) return;
      e.preventDefault();
      handler.current(key);
    };
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);
}
