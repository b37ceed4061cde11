"use client";
import { useState } from "react";
import { AgentText } from "./agent-text";

/** Agent prose that can run to thousands of characters: the first part, and the rest on request. */
export function ClampedText({ text, limit = 600, className }: { text: string; limit?: number; className?: string }) {
  const [all, setAll] = useState(false);
  const cut = !all && text.length > limit;
  return (
    <span className="block min-w-0">
      <AgentText as="span" className={className} text={cut ? `${text.slice(0, limit)}…` : text} />
      {text.length > limit ? (
        <button type="button" className="ml-1 text-xs text-muted-foreground underline hover:text-foreground" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? "show less" : `show all ${text.length.toLocaleString()} characters`}
        </button>
      ) : null}
    </span>
  );
}
