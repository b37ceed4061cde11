"use client";
import { useState } from "react";
import { ChevronRight } from "lucide-react";
import type { TimelineEvent } from "@/server/services/approval/timeline";
import { cn } from "@/components/ui/cn";
import { AgentText } from "./agent-text";
import { JsonTree } from "./json-tree";
import { formatWhen } from "./time-format";

const ACTIONS: Record<string, string> = {
  "request.submitted": "Submitted",
  "policy.evaluated": "Policy evaluated",
  "request.approved": "Approved",
  "request.denied": "Denied",
  "request.expired": "Expired (default deny)",
  "request.cancelled": "Cancelled by the agent",
  "execution.claimed": "Execution claimed",
  "execution.claim_refused": "Execution claim refused",
  "execution.reported": "Outcome reported",
};

/** A question's events in its own words: it is asked, answered (an approval) or dismissed (a denial). */
const QUESTION_ACTIONS: Record<string, string> = {
  "request.submitted": "Asked",
  "request.approved": "Answered",
  "request.denied": "Dismissed",
  "request.expired": "Expired unanswered",
};

const DOT: Record<string, string> = {
  "request.approved": "bg-success",
  "request.denied": "bg-destructive",
  "request.expired": "bg-muted-foreground",
  "execution.claim_refused": "bg-destructive",
};

/** The few fields a reader wants at a glance; the rest is behind "details". */
const GLANCE = ["channel", "comment", "optionName", "reason", "effect", "outcome", "detail", "risk", "modified"] as const;
/** On a question, the approval's comment is the answer. */
const QUESTION_NAMES: Partial<Record<(typeof GLANCE)[number], string>> = { comment: "answer", optionName: "option" };

function glance(data: unknown, question: boolean): [string, string][] {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return [];
  const d = data as Record<string, unknown>;
  return GLANCE.flatMap((k) => {
    const v = d[k];
    if (v === undefined || v === null || v === "") return [];
    if (question && k === "modified") return [];
    return [[(question ? QUESTION_NAMES[k] : undefined) ?? k, typeof v === "string" ? v : JSON.stringify(v)]];
  });
}

function EventItem({ event, question }: { event: TimelineEvent; question: boolean }) {
  const [open, setOpen] = useState(false);
  const facts = glance(event.data, question);
  return (
    <li className="relative ml-1.5 min-w-0 border-l pb-4 pl-5 last:border-l-transparent last:pb-0">
      <span aria-hidden className={cn("absolute top-1.5 -left-[6px] size-[11px] rounded-full border-2 border-background", DOT[event.action] ?? "bg-primary")} />
      <div className="flex min-w-0 flex-wrap items-baseline gap-x-2">
        <span className="font-medium">{(question ? QUESTION_ACTIONS[event.action] : undefined) ?? ACTIONS[event.action] ?? event.action}</span>
        <span className="text-sm text-muted-foreground">
          by <AgentText text={event.actorLabel} />
        </span>
        <time className="text-xs text-muted-foreground" dateTime={event.at}>
          {formatWhen(event.at)}
        </time>
      </div>
      {facts.length > 0 ? (
        <dl className="mt-1 flex min-w-0 flex-wrap gap-x-4 gap-y-0.5 text-sm">
          {facts.map(([k, v]) => (
            <div key={k} className="flex min-w-0 gap-1">
              <dt className="text-muted-foreground">{k}:</dt>
              <dd className="min-w-0">
                <AgentText text={v.length > 500 ? `${v.slice(0, 500)}…` : v} />
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} className="mt-1 inline-flex items-center gap-1 text-xs text-muted-foreground hover:text-foreground">
        <ChevronRight className={cn("size-3 transition-transform", open && "rotate-90")} aria-hidden />
        Details of event {event.seq}
      </button>
      {open ? (
        <div className="mt-1 rounded-md border bg-muted/40 p-2">
          <JsonTree value={event.data} label={`Data of audit event ${event.seq}`} />
        </div>
      ) : null}
    </li>
  );
}

/** The request's audit events, oldest first, as recorded in the hash-chained log. */
export function TimelineList({ events, question = false }: { events: TimelineEvent[]; question?: boolean }) {
  if (events.length === 0) return <p className="text-sm text-muted-foreground">No events recorded.</p>;
  return (
    <ol className="min-w-0">
      {events.map((e) => (
        <EventItem key={e.seq} event={e} question={question} />
      ))}
    </ol>
  );
}
