"use client";
import { useState } from "react";
import Link from "next/link";
import { Bot, Cog, User } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { AuditItem } from "@/server/services/audit/present";
import { actionLabel, formatAt, outcomeVariant } from "./format";

const ACTOR_ICON = { agent: Bot, user: User, system: Cog } as const;
const RISKS = ["low", "medium", "high", "critical"] as const;
const riskVariant = (r: string) => RISKS.find((x) => x === r) ?? "outline";

/** The server writes each invisible or bidi control character as ⟨U+XXXX⟩; those markers are highlighted. */
const MARKER = /(⟨U\+[0-9A-F]{4,6}⟩)/;

/** Agent-written, already redacted and with hidden characters made visible by the server; rendered as text only. */
function Excerpt({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  if (!text) return <span className="text-muted-foreground">—</span>;
  const long = text.length > 140;
  return (
    <div className="min-w-0">
      <p className={cn("whitespace-pre-wrap text-muted-foreground [overflow-wrap:anywhere] [unicode-bidi:isolate]", !open && long && "line-clamp-2")}>
        {text.split(MARKER).map((part, i) =>
          i % 2 === 1 ? (
            <span key={i} className="mx-px rounded-sm border border-warning/60 bg-warning/20 px-0.5 font-mono text-[0.75em] font-medium text-foreground" title={`hidden character ${part.slice(1, -1)}`}>
              {part}
            </span>
          ) : (
            part
          ),
        )}
      </p>
      {long ? (
        <button type="button" className="text-xs underline underline-offset-2" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? "less" : "more"}
          <span className="sr-only"> of the details</span>
        </button>
      ) : null}
    </div>
  );
}

const cell = "px-2 py-1 md:py-2 md:align-top";

/** The events, newest first. A table on wide screens; each row a card on a phone. */
export function AuditResults({ items, onTool }: { items: AuditItem[]; onTool: (tool: string) => void }) {
  return (
    <table className="block w-full text-sm md:table md:table-fixed">
      <caption className="sr-only">Audit events, newest first</caption>
      <thead className="hidden border-b text-left text-muted-foreground md:table-header-group">
        <tr>
          <th scope="col" className="w-44 px-2 py-2 font-medium">Time</th>
          <th scope="col" className="w-40 px-2 py-2 font-medium">Event</th>
          <th scope="col" className="w-52 px-2 py-2 font-medium">Actor</th>
          <th scope="col" className="w-56 px-2 py-2 font-medium">Tool · agent</th>
          <th scope="col" className="px-2 py-2 font-medium">Details</th>
          <th scope="col" className="w-24 px-2 py-2 font-medium">Request</th>
        </tr>
      </thead>
      <tbody className="flex flex-col gap-2 md:table-row-group">
        {items.map((i) => {
          const Icon = ACTOR_ICON[i.actorType as keyof typeof ACTOR_ICON] ?? Cog;
          return (
            <tr key={i.seq} className="flex flex-wrap items-center gap-x-2 rounded-lg border p-2 md:table-row md:rounded-none md:border-0 md:border-b md:p-0">
              <td className={cn("order-1 whitespace-nowrap text-xs text-muted-foreground md:text-sm", cell)}>
                <time dateTime={i.at} title={`${i.at} · event ${i.seq}`}>
                  {formatAt(i.at)}
                </time>
              </td>
              <td className={cn("order-2", cell)}>
                <div className="flex flex-wrap items-center gap-1">
                  <span className="font-medium" title={i.action}>
                    {actionLabel(i.action)}
                  </span>
                  {i.outcome ? <Badge variant={outcomeVariant(i.outcome)}>{i.outcome}</Badge> : null}
                </div>
              </td>
              <td className={cn("order-3 min-w-0 md:max-w-0", cell)}>
                <span className="flex min-w-0 items-center gap-1" title={`${i.actorType} ${i.actorId}`}>
                  <Icon className="size-3.5 shrink-0 text-muted-foreground" aria-label={i.actorType} />
                  <span className="truncate">{i.actor}</span>
                </span>
                {i.channel ? <span className="block text-xs text-muted-foreground">via {i.channel}</span> : null}
              </td>
              <td className={cn("order-4 min-w-0 basis-full md:max-w-0", cell)}>
                <div className="flex min-w-0 flex-wrap items-center gap-1">
                  {i.tool ? (
                    <button type="button" className="min-w-0 text-left font-mono text-[0.8125rem] [overflow-wrap:anywhere] hover:underline" title="Show only this tool" onClick={() => onTool(i.tool ?? "")}>
                      {i.tool}
                    </button>
                  ) : null}
                  {i.risk ? <Badge variant={riskVariant(i.risk)}>{i.risk}</Badge> : null}
                </div>
                {i.agent ? <div className="truncate text-xs text-muted-foreground">{i.agent}</div> : null}
              </td>
              <td className={cn("order-5 min-w-0 basis-full", cell)}>
                <Excerpt text={i.excerpt} />
              </td>
              <td className={cn("order-6", cell)}>
                {i.requestId ? (
                  <Link href={`/requests/${i.requestId}`} className="font-mono text-xs underline underline-offset-2" title={i.requestId} aria-label={`Open request …${i.requestId.slice(-8)}`}>
                    {i.requestId.slice(-8)}
                  </Link>
                ) : (
                  <span className="text-muted-foreground" aria-label="no request">—</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
