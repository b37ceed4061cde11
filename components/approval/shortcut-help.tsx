"use client";
import { Dialog, DialogContent } from "@/components/ui/dialog";

export const INBOX_SHORTCUTS: readonly (readonly [string, string])[] = [
  ["j / ↓", "next request"],
  ["k / ↑", "previous request"],
  ["Enter", "open the request"],
  ["a", "approve (critical ones ask you to type the tool name); on a question, open its answer box"],
  ["d", "deny, with a reason (dismisses a question)"],
  ["m", "modify: open the request with the argument editor"],
  ["x", "select or unselect for a batch decision"],
  ["/", "filter by tool"],
  ["Esc", "clear the selection"],
  ["?", "this help"],
];

export function Kbd({ children }: { children: string }) {
  return <kbd className="rounded border bg-muted px-1.5 py-0.5 font-mono text-[0.75rem] text-foreground">{children}</kbd>;
}

export function ShortcutHelp({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title="Keyboard shortcuts" description="In the inbox, when no field has focus.">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {INBOX_SHORTCUTS.map(([keys, what]) => (
            <div key={keys} className="contents">
              <dt>
                <Kbd>{keys}</Kbd>
              </dt>
              <dd className="text-muted-foreground">{what}</dd>
            </div>
          ))}
        </dl>
      </DialogContent>
    </Dialog>
  );
}

/** The always-visible one-line reminder under the inbox. */
export function ShortcutHint({ canDecide }: { canDecide: boolean }) {
  const keys: [string, string][] = canDecide
    ? [["j/k", "move"], ["Enter", "open"], ["a", "approve"], ["d", "deny"], ["m", "modify"], ["x", "select"], ["?", "all shortcuts"]]
    : [["j/k", "move"], ["Enter", "open"], ["?", "all shortcuts"]];
  return (
    <p className="hidden flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground md:flex">
      <span className="sr-only">Keyboard shortcuts:</span>
      {keys.map(([k, what]) => (
        <span key={k} className="inline-flex items-center gap-1">
          <Kbd>{k}</Kbd> {what}
        </span>
      ))}
    </p>
  );
}
