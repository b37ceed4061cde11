import { Fragment, type ElementType } from "react";
import { EyeOff } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { splitHidden } from "./inert-text";

/**
 * Text written by an agent: rendered as React text nodes only, wrapped
 * anywhere so one unbroken 10 000-character word cannot widen the page,
 * isolated so right-to-left runs cannot reorder what surrounds it, and with
 * every invisible or bidi control character shown as a visible ⟨U+XXXX⟩.
 */
export function AgentText({ text, className, as: Tag = "span" }: { text: string | null | undefined; className?: string; as?: ElementType }) {
  const segments = splitHidden(text ?? "");
  return (
    <Tag className={cn("agent-text min-w-0 [unicode-bidi:isolate]", className)}>
      {segments.map((s, i) =>
        s.kind === "text" ? (
          <Fragment key={i}>{s.text}</Fragment>
        ) : (
          <span
            key={i}
            className="mx-px rounded-sm border border-warning/60 bg-warning/20 px-0.5 font-mono text-[0.75em] font-medium text-foreground"
            title={`hidden character ${s.code}`}
          >
            ⟨{s.code}⟩
          </span>
        ),
      )}
    </Tag>
  );
}

/** Shown wherever agent text carried invisible or bidirectional control characters. */
export function HiddenCharactersBadge({ className }: { className?: string }) {
  return (
    <Badge variant="medium" className={cn("gap-1", className)} title="Shown as ⟨U+XXXX⟩ where they occur">
      <EyeOff className="size-3" aria-hidden />
      contains invisible/bidi control characters
    </Badge>
  );
}
