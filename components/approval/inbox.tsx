"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Keyboard } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { hasRole, type Role } from "@/server/domain/auth/roles";
import { AgentText } from "./agent-text";
import { BatchBar } from "./batch-bar";
import { BatchDialog } from "./batch-dialog";
import { CriticalConfirmDialog } from "./critical-confirm-dialog";
import { raceMessage } from "./decision-errors";
import { DenyDialog } from "./deny-dialog";
import { EmptyInbox } from "./empty-inbox";
import { InboxFilterBar } from "./inbox-filters";
import { InboxTable, type InboxItem } from "./inbox-table";
import { LiveIndicator } from "./live-indicator";
import { questionOf, requestLabel } from "./question-view";
import { ShortcutHelp, ShortcutHint } from "./shortcut-help";
import { useInboxFilters } from "./use-inbox-filters";
import { useInboxKeys, type InboxKey } from "./use-inbox-keys";
import { useNow } from "./use-now";
import { useRequestChanges } from "./use-request-changes";

type Notice = { text: string; tone: "ok" | "error" };

/** The reviewer's queue: pending requests, the next default-deny first, live. */
export function InboxView({ role }: { role: Role }) {
  const canDecide = hasRole(role, "reviewer");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { filters, setFilter, clear, active: filtered } = useInboxFilters();
  const toolInputRef = useRef<HTMLInputElement>(null);

  const list = useInfiniteQuery(
    trpc.review.list.infiniteQueryOptions(
      { sort: "deadline", fields: "summary", limit: 100, ...filters },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, placeholderData: keepPreviousData },
    ),
  );
  const refresh = useCallback(() => void queryClient.invalidateQueries({ queryKey: trpc.review.list.pathKey() }), [queryClient, trpc]);
  const { live } = useRequestChanges(refresh);

  const now = useNow();
  const items = useMemo(() => {
    const seen = new Set<string>();
    return (list.data?.pages ?? [])
      .flatMap((p) => p.items)
      .filter((i) => !seen.has(i.id) && seen.add(i.id) && i.status === "pending" && (now === 0 || Date.parse(i.expiresAt) > now));
  }, [list.data, now]);

  // The keyboard cursor follows its request; if that one leaves, it stays at the same place in the list.
  const [activeId, setActiveId] = useState<string | null>(null);
  const lastIndex = useRef(0);
  const found = items.findIndex((i) => i.id === activeId);
  const activeIndex = found >= 0 ? found : Math.min(lastIndex.current, items.length - 1);
  const activeItem: InboxItem | undefined = items[activeIndex];
  useEffect(() => {
    if (activeIndex >= 0) lastIndex.current = activeIndex;
  }, [activeIndex]);

  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const selectedItems = items.filter((i) => selected.has(i.id));
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const [notice, setNotice] = useState<Notice | null>(null);
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => setNotice(null), 8000);
    return () => clearTimeout(t);
  }, [notice]);

  const [help, setHelp] = useState(false);
  const [confirming, setConfirming] = useState<InboxItem | null>(null);
  const [denying, setDenying] = useState<InboxItem | null>(null);
  const [batch, setBatch] = useState<{ mode: "approve" | "deny"; items: InboxItem[] } | null>(null);

  const decide = useMutation(
    trpc.review.decide.mutationOptions({
      onSuccess: (v) =>
        setNotice({ text: questionOf(v) ? "Dismissed the question." : `${v.status === "approved" ? "Approved" : "Denied"} ${v.tool}.`, tone: "ok" }),
      onError: (e) => setNotice({ text: raceMessage(e.data) ?? e.message, tone: "error" }),
      onSettled: () => {
        setConfirming(null);
        setDenying(null);
        refresh();
      },
    }),
  );
  const approve = (item: InboxItem) => {
    // A question is answered in words, on its page; approving it means nothing.
    if (questionOf(item)) router.push(`/requests/${item.id}?mode=answer`);
    else if (item.risk === "critical") setConfirming(item);
    else decide.mutate({ id: item.id, decision: { type: "approve" } });
  };

  const move = (by: number) => {
    if (items.length === 0) return;
    const next = items[Math.max(0, Math.min(items.length - 1, activeIndex + by))];
    if (!next) return;
    setActiveId(next.id);
    document.querySelector(`[data-row-id="${CSS.escape(next.id)}"]`)?.scrollIntoView({ block: "nearest" });
  };

  useInboxKeys((key: InboxKey) => {
    const item = activeItem;
    const decides = key === "approve" || key === "deny" || key === "modify" || key === "toggle";
    if (decides && !canDecide) {
      setNotice({ text: "Your role (viewer) can look but not decide.", tone: "error" });
      return;
    }
    switch (key) {
      case "next":
        return move(1);
      case "prev":
        return move(-1);
      case "help":
        return setHelp(true);
      case "search":
        return toolInputRef.current?.focus();
      case "clear":
        return setSelected(new Set());
      case "open":
        return item ? router.push(`/requests/${item.id}`) : undefined;
      case "modify":
        return item ? router.push(`/requests/${item.id}?mode=${questionOf(item) ? "answer" : "modify"}`) : undefined;
      case "approve":
        return item && !decide.isPending ? approve(item) : undefined;
      case "deny":
        return item ? setDenying(item) : undefined;
      case "toggle":
        return item ? toggle(item.id) : undefined;
    }
  });

  const empty = list.isSuccess && items.length === 0;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-3">
          <h1 className="text-xl font-semibold">Inbox</h1>
          {list.isSuccess ? (
            <span className="text-sm text-muted-foreground">
              {items.length}
              {list.hasNextPage ? "+" : ""} pending
            </span>
          ) : null}
          <LiveIndicator live={live} />
        </div>
        <Button variant="ghost" size="sm" className="hidden md:inline-flex" onClick={() => setHelp(true)}>
          <Keyboard /> Shortcuts
        </Button>
      </div>
      <InboxFilterBar filters={filters} setFilter={setFilter} clear={clear} active={filtered} toolInputRef={toolInputRef} />
      <ShortcutHint canDecide={canDecide} />
      <div aria-live="polite" className="min-h-0">
        {notice ? (
          <p className={notice.tone === "error" ? "agent-text rounded-md border border-destructive/40 bg-destructive/10 p-2 text-sm" : "agent-text rounded-md border bg-muted p-2 text-sm"}>
            {notice.text}
          </p>
        ) : null}
      </div>

      {list.isPending ? <p className="py-8 text-center text-sm text-muted-foreground">Loading requests…</p> : null}
      {list.isError ? (
        <div role="alert" className="flex items-center gap-3 rounded-md border border-destructive/40 p-3 text-sm">
          Could not load the inbox: {list.error.message}
          <Button size="sm" variant="outline" onClick={() => void list.refetch()}>
            Retry
          </Button>
        </div>
      ) : null}
      {empty && !filtered ? <EmptyInbox /> : null}
      {empty && filtered ? (
        <p className="py-8 text-center text-sm text-muted-foreground">
          No pending requests match these filters.{" "}
          <Button variant="link" className="h-auto p-0" onClick={clear}>
            Clear filters
          </Button>
        </p>
      ) : null}
      {items.length > 0 ? (
        <InboxTable
          items={items}
          activeId={activeItem?.id ?? null}
          selected={selected}
          canDecide={canDecide}
          onActivate={setActiveId}
          onToggle={toggle}
          onToggleAll={() => setSelected((s) => (items.every((i) => s.has(i.id)) ? new Set() : new Set(items.map((i) => i.id))))}
        />
      ) : null}
      {list.hasNextPage ? (
        <Button variant="outline" className="self-center" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          Load more
        </Button>
      ) : null}

      {canDecide && selectedItems.length > 0 ? (
        <BatchBar count={selectedItems.length} onApprove={() => setBatch({ mode: "approve", items: selectedItems })} onDeny={() => setBatch({ mode: "deny", items: selectedItems })} onClear={() => setSelected(new Set())} />
      ) : null}

      <ShortcutHelp open={help} onOpenChange={setHelp} />
      {confirming ? (
        <CriticalConfirmDialog
          open
          onOpenChange={(o) => (o ? undefined : setConfirming(null))}
          tool={confirming.tool}
          summary={confirming.summary}
          busy={decide.isPending}
          onConfirm={() => decide.mutate({ id: confirming.id, decision: { type: "approve" } })}
        />
      ) : null}
      <DenyDialog
        open={denying !== null}
        onOpenChange={(o) => (o ? undefined : setDenying(null))}
        title={denying ? (questionOf(denying) ? "Dismiss this question" : `Deny ${denying.tool}`) : "Deny"}
        about={denying && questionOf(denying) ? <AgentText as="p" className="block text-sm text-muted-foreground" text={requestLabel(denying)} /> : undefined}
        submitLabel={denying && questionOf(denying) ? "Dismiss question" : undefined}
        busy={decide.isPending}
        onDeny={(reason) => (denying ? decide.mutate({ id: denying.id, decision: { type: "deny", reason } }) : undefined)}
      />
      <BatchDialog
        mode={batch?.mode ?? null}
        items={batch?.items ?? []}
        onClose={() => setBatch(null)}
        onDone={(message, done) => {
          setNotice({ text: message, tone: "ok" });
          setSelected((s) => new Set([...s].filter((id) => !done.includes(id))));
          refresh();
        }}
      />
    </div>
  );
}
