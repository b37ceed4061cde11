"use client";
import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Label, Textarea } from "@/components/ui/input";
import { AgentText } from "./agent-text";
import { raceMessage } from "./decision-errors";
import type { InboxItem } from "./inbox-table";
import { questionOf, requestLabel } from "./question-view";

type Failure = { tool: string; message: string };

/**
 * One decision for the selected requests, with one comment or reason.
 * Critical requests are left out of a batch approval: each needs its tool
 * name typed on its own page. So are questions: they need an answer, not an
 * approval. A batch denial dismisses questions like any other request.
 */
export function BatchDialog({
  mode,
  items,
  onClose,
  onDone,
}: {
  mode: "approve" | "deny" | null;
  items: InboxItem[];
  onClose: () => void;
  onDone: (message: string, decidedIds: string[]) => void;
}) {
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const [failures, setFailures] = useState<Failure[]>([]);
  const decideMany = useMutation(trpc.review.decideMany.mutationOptions());
  const approving = mode === "approve";
  const questions = approving ? items.filter((i) => questionOf(i) !== null).length : 0;
  const eligible = approving ? items.filter((i) => i.risk !== "critical" && !questionOf(i)) : items;
  const leftOut = approving ? items.filter((i) => i.risk === "critical" && !questionOf(i)).length : 0;
  const verb = approving ? "Approve" : "Deny";

  const close = () => {
    setText("");
    setFailures([]);
    decideMany.reset();
    onClose();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!mode || eligible.length === 0 || (!approving && !text.trim())) return;
    const decision = approving ? { type: "approve" as const, comment: text.trim() || undefined } : { type: "deny" as const, reason: text.trim() };
    decideMany.mutate(
      { ids: eligible.map((i) => i.id), decision },
      {
        onSuccess: (results) => {
          const tools = new Map(eligible.map((i) => [i.id, requestLabel(i)]));
          const failed = results.flatMap((r) =>
            r.ok ? [] : [{ tool: tools.get(r.id) ?? r.id, message: raceMessage({ code: r.code, details: r.details }) ?? r.error }],
          );
          const done = results.filter((r) => r.ok).map((r) => r.id);
          const message = `${approving ? "Approved" : "Denied"} ${done.length} of ${results.length} request${results.length === 1 ? "" : "s"}.`;
          onDone(message, done);
          if (failed.length > 0) setFailures(failed);
          else close();
        },
      },
    );
  };

  return (
    <Dialog open={mode !== null} onOpenChange={(o) => (o ? undefined : close())}>
      <DialogContent title={`${verb} ${eligible.length} selected request${eligible.length === 1 ? "" : "s"}`} description={approving ? "Each is approved as proposed." : "The agents are told the reason."}>
        {leftOut > 0 ? (
          <p className="rounded-md border border-destructive/40 bg-destructive/10 p-2 text-sm">
            {leftOut} critical request{leftOut === 1 ? " is" : "s are"} left out: approve critical requests one at a time on their page.
          </p>
        ) : null}
        {questions > 0 ? (
          <p className="rounded-md border bg-muted p-2 text-sm">
            {questions} question{questions === 1 ? " is" : "s are"} left out: a question is answered on its page, not approved.
          </p>
        ) : null}
        {failures.length > 0 ? (
          <div role="alert" className="flex flex-col gap-2 text-sm">
            <p className="font-medium">Not decided:</p>
            <ul className="flex flex-col gap-1">
              {failures.map((f, i) => (
                <li key={i} className="min-w-0">
                  <AgentText className="font-mono" text={f.tool} />: <AgentText text={f.message} />
                </li>
              ))}
            </ul>
            <div className="flex justify-end">
              <Button onClick={close}>Close</Button>
            </div>
          </div>
        ) : (
          <form onSubmit={submit} className="flex flex-col gap-3">
            <div className="flex flex-col gap-2">
              <Label htmlFor="batch-text">{approving ? "Comment (optional)" : "Reason"}</Label>
              <Textarea id="batch-text" value={text} onChange={(e) => setText(e.target.value)} required={!approving} maxLength={5000} autoFocus />
            </div>
            {decideMany.error ? (
              <p role="alert" className="text-sm text-destructive">
                {decideMany.error.message}
              </p>
            ) : null}
            <div className="flex justify-end gap-2">
              <Button type="button" variant="outline" onClick={close}>
                Cancel
              </Button>
              <Button
                type="submit"
                variant={approving ? "success" : "destructive"}
                disabled={decideMany.isPending || eligible.length === 0 || (!approving && !text.trim())}
              >
                {verb} {eligible.length} request{eligible.length === 1 ? "" : "s"}
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
