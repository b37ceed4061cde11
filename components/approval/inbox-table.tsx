"use client";
import Link from "next/link";
import type { ReviewerRequestView } from "@/server/services/approval/view";
import { cn } from "@/components/ui/cn";
import { AgentText, HiddenCharactersBadge } from "./agent-text";
import { Countdown, Since } from "./countdown";
import { hasHiddenCharacters } from "./inert-text";
import { questionHeadline, questionOf, questionTexts, requestLabel } from "./question-view";
import { QuestionBadge, RiskBadge } from "./status-badges";

export type InboxItem = ReviewerRequestView;

const cell = "md:table-cell md:px-2 md:py-2.5 md:align-middle";

/**
 * One list for every screen: a table from md up, stacked cards below it
 * (reviewers approve from phones). Rendered once, so each request is in the
 * DOM exactly once.
 */
export function InboxTable({
  items,
  activeId,
  selected,
  canDecide,
  onActivate,
  onToggle,
  onToggleAll,
}: {
  items: InboxItem[];
  activeId: string | null;
  selected: ReadonlySet<string>;
  canDecide: boolean;
  onActivate: (id: string) => void;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
}) {
  const allSelected = items.length > 0 && items.every((i) => selected.has(i.id));
  return (
    <table className="block w-full text-sm md:table md:table-fixed">
      <caption className="sr-only">Pending requests, soonest default-deny deadline first</caption>
      <thead className="hidden border-b text-left text-muted-foreground md:table-header-group">
        <tr>
          {canDecide ? (
            <th scope="col" className="w-10 px-2 py-2 font-medium">
              <input type="checkbox" aria-label="Select all" checked={allSelected} onChange={onToggleAll} className="size-4 align-middle" />
            </th>
          ) : null}
          <th scope="col" className="w-24 px-2 py-2 font-medium">
            Risk
          </th>
          <th scope="col" className="px-2 py-2 font-medium">
            Request
          </th>
          <th scope="col" className="w-40 px-2 py-2 font-medium">
            Agent
          </th>
          <th scope="col" className="w-36 px-2 py-2 font-medium">
            Default deny in
          </th>
          <th scope="col" className="w-24 px-2 py-2 font-medium">
            Waiting
          </th>
        </tr>
      </thead>
      <tbody className="flex flex-col gap-2 md:table-row-group">
        {items.map((item) => {
          const active = item.id === activeId;
          const question = questionOf(item);
          const hidden = [item.summary ?? "", item.agentName, ...(question ? questionTexts(question) : [])].some(hasHiddenCharacters);
          return (
            <tr
              key={item.id}
              data-row-id={item.id}
              aria-current={active ? "true" : undefined}
              onClick={() => onActivate(item.id)}
              className={cn(
                "flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1.5 rounded-lg border bg-card p-3 md:table-row md:rounded-none md:border-x-0 md:border-t-0 md:bg-transparent md:p-0",
                active && "ring-2 ring-ring md:ring-0 md:bg-accent md:shadow-[inset_3px_0_0_var(--color-ring)]",
                selected.has(item.id) && !active && "bg-accent/60",
              )}
            >
              {canDecide ? (
                <td className={cn("order-1", cell)} onClick={(e) => e.stopPropagation()}>
                  <input
                    type="checkbox"
                    aria-label={`Select ${requestLabel(item)}`}
                    checked={selected.has(item.id)}
                    onChange={() => onToggle(item.id)}
                    className="size-4 align-middle"
                  />
                </td>
              ) : null}
              <td className={cn("order-2", cell)}>
                <RiskBadge risk={item.risk} />
              </td>
              <td className={cn("order-4 min-w-0 basis-full", cell)}>
                <Link href={`/requests/${item.id}`} className="group block min-w-0 rounded-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
                  {question ? (
                    <>
                      <span className="flex min-w-0 items-start gap-2">
                        <QuestionBadge className="mt-px shrink-0" />
                        <AgentText className="line-clamp-2 block min-w-0 font-medium group-hover:underline" text={questionHeadline(question)} />
                      </span>
                      {question.subject?.trim() ? <AgentText className="line-clamp-2 block text-muted-foreground" text={question.message} /> : null}
                    </>
                  ) : (
                    <>
                      <AgentText className="block font-mono text-[0.8125rem] font-medium group-hover:underline" text={item.tool} />
                      {item.summary ? <AgentText className="line-clamp-2 block text-muted-foreground" text={item.summary} /> : null}
                    </>
                  )}
                </Link>
                {hidden ? <HiddenCharactersBadge className="mt-1" /> : null}
              </td>
              <td className={cn("order-5 min-w-0 max-w-full text-xs text-muted-foreground md:text-sm md:text-foreground", cell)}>
                <span className="md:hidden">by </span>
                <AgentText text={item.agentName} />
              </td>
              <td className={cn("order-3 ml-auto whitespace-nowrap md:ml-0", cell)}>
                <span className="sr-only md:hidden">Default deny in </span>
                <Countdown expiresAt={item.expiresAt} />
              </td>
              <td className={cn("order-6 whitespace-nowrap text-xs text-muted-foreground md:text-sm", cell)}>
                <span className="md:hidden">waiting </span>
                <Since at={item.createdAt} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
