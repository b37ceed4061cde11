"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import Link from "next/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, Info } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { hasRole, type Role } from "@/server/domain/auth/roles";
import { hasHiddenCharacters, jsonHasHiddenCharacters } from "./inert-text";
import { raceMessage } from "./decision-errors";
import { DecisionPanel } from "./decision-panel";
import { JsonTree } from "./json-tree";
import { LiveIndicator } from "./live-indicator";
import { OutcomePanel } from "./outcome-panel";
import { PreviewPanel } from "./preview-panel";
import { readPreview } from "./preview-shape";
import { QuestionPanel } from "./question-panel";
import { questionOf, questionOutcomeLabel, questionTexts } from "./question-view";
import { RequestOverview } from "./request-overview";
import { TimelineList } from "./timeline-list";
import { useDeadlinePassed } from "./use-deadline-passed";
import { useRequestChanges } from "./use-request-changes";

/** One request: what it would do, the decision (or the outcome), and its audit trail. Refreshes live. */
export function RequestDetail({ id, role, startMode }: { id: string; role: Role; startMode: "modify" | "answer" | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const request = useQuery(trpc.review.get.queryOptions({ id }, { retry: (n, e) => e.data?.code !== "NOT_FOUND" && n < 2 }));
  const timeline = useQuery(trpc.review.timeline.queryOptions({ id }));
  const [note, setNote] = useState<{ text: string; race: boolean } | null>(null);

  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.review.get.queryKey({ id }) });
    void queryClient.invalidateQueries({ queryKey: trpc.review.timeline.queryKey({ id }) });
  }, [queryClient, trpc, id]);
  const { live } = useRequestChanges(
    useCallback((changes) => (changes === null || changes.some((c) => c.id === id) ? refresh() : undefined), [id, refresh]),
  );

  const view = request.data;
  const pastDeadline = useDeadlinePassed(view?.status === "pending" ? view.expiresAt : undefined);
  // The server expires it within moments and tells us; ask again shortly in case that message is missed.
  useEffect(() => {
    if (!pastDeadline) return;
    const t = setTimeout(refresh, 1500);
    return () => clearTimeout(t);
  }, [pastDeadline, refresh]);

  // Decided elsewhere while this page was open (another tab, Slack, the deadline): say who won, as a lost race would.
  const ownDecision = useRef(false);
  const lastStatus = useRef<string | null>(null);
  useEffect(() => {
    if (!view) return;
    const before = lastStatus.current;
    lastStatus.current = view.status;
    if (before === "pending" && view.status !== "pending" && !ownDecision.current && view.decision) {
      const details = { status: view.status, decidedBy: view.decision.by, channel: view.decision.channel };
      const text = raceMessage({ code: "CONFLICT", details }, view.kind === "question" ? questionOutcomeLabel : undefined);
      if (text) setNote((n) => n ?? { text, race: true });
    }
  }, [view]);

  const preview = useMemo(() => readPreview(view?.preview), [view?.preview]);
  const question = view ? questionOf(view) : null;
  const hidden = useMemo(() => {
    if (!view) return false;
    const texts = [view.tool, view.summary ?? "", view.reason ?? "", view.session ?? "", ...(question ? questionTexts(question) : [])];
    return texts.some(hasHiddenCharacters) || jsonHasHiddenCharacters(view.arguments) || jsonHasHiddenCharacters(view.preview);
  }, [view, question]);

  if (request.isPending) return <p className="py-8 text-center text-sm text-muted-foreground">Loading request…</p>;
  if (request.isError) {
    return (
      <div role="alert" className="flex flex-col items-start gap-2 py-8">
        <p>{request.error.data?.code === "NOT_FOUND" ? "There is no request with this id." : `Could not load the request: ${request.error.message}`}</p>
        <BackLink />
      </div>
    );
  }

  const r = request.data;
  const pending = r.status === "pending" && !pastDeadline;
  const canDecide = hasRole(role, "reviewer");
  const decided = (text: string) => {
    ownDecision.current = true;
    setNote({ text, race: false });
    refresh();
  };
  const raced = (text: string) => {
    setNote({ text, race: true });
    refresh();
  };
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <div className="flex items-center justify-between gap-2">
        <BackLink />
        <LiveIndicator live={live} />
      </div>
      {note ? (
        <p role={note.race ? "alert" : "status"} className={note.race ? "agent-text rounded-md border border-warning/60 bg-warning/15 p-3 font-medium" : "agent-text rounded-md border bg-muted p-3"}>
          {note.text}
        </p>
      ) : null}
      <div className="grid min-w-0 gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <RequestOverview request={r} hiddenCharacters={hidden} pending={pending} answering={pending && canDecide} />
          {pending && canDecide && question ? (
            <QuestionPanel key={r.id} id={r.id} question={question} focusAnswer={startMode === "answer"} onDecided={decided} onRace={raced} />
          ) : null}
          {pending && canDecide && !question ? (
            <DecisionPanel key={r.id} request={r} startInModify={startMode === "modify"} onDecided={decided} onRace={raced} />
          ) : null}
          {pending && !canDecide ? (
            <p className="flex items-center gap-2 rounded-md border p-3 text-sm text-muted-foreground">
              <Info className="size-4" aria-hidden /> You can read requests but not decide them: your role is viewer.
            </p>
          ) : null}
          {pastDeadline ? (
            <p className="rounded-md border p-3 text-sm">
              {question ? "The deadline passed with no answer: the question expired." : "The deadline passed with no decision: the request is denied by default."}
            </p>
          ) : null}
          {!pending && r.decision ? <OutcomePanel request={r} /> : null}
          {/* A question's arguments are its message and options, already shown above. */}
          {question ? null : (
            <>
              <PreviewPanel preview={preview} />
              <Card className="min-w-0">
                <CardHeader>
                  <CardTitle>Arguments</CardTitle>
                </CardHeader>
                <CardContent className="min-w-0">
                  {r.redactedPaths.length > 0 ? <p className="mb-2 text-xs text-muted-foreground">Values marked with a lock were redacted: they look like secrets.</p> : null}
                  <JsonTree value={r.arguments} redactedPaths={r.redactedPaths} label="Arguments" />
                </CardContent>
              </Card>
            </>
          )}
        </div>
        <Card className="min-w-0 self-start">
          <CardHeader>
            <CardTitle>Timeline</CardTitle>
          </CardHeader>
          <CardContent>
            {timeline.isPending ? <p className="text-sm text-muted-foreground">Loading…</p> : null}
            {timeline.isError ? <p className="text-sm text-destructive">Could not load the timeline.</p> : null}
            {timeline.data ? <TimelineList events={timeline.data} question={question !== null} /> : null}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}

function BackLink() {
  return (
    <Link href="/" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
      <ArrowLeft className="size-4" aria-hidden /> Inbox
    </Link>
  );
}
