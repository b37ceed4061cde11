"use client";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { Send, X } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Label, Textarea } from "@/components/ui/input";
import { AgentText } from "./agent-text";
import { raceMessage, type ErrorData } from "./decision-errors";
import { DenyDialog } from "./deny-dialog";
import { optionLabel, questionOutcomeLabel, type QuestionContent, type ResponseOption } from "./question-view";
import { Kbd } from "./shortcut-help";
import { isShortcutEvent } from "./use-inbox-keys";

export const ANSWER_MAX = 20_000;

/**
 * Answer a pending question in free text, optionally picking one of the
 * answers the agent suggested, or dismiss it with a reason (a denial). A lost
 * race is reported through `onRace`, not as an error.
 */
export function QuestionPanel({
  id,
  question,
  focusAnswer,
  onDecided,
  onRace,
}: {
  id: string;
  question: QuestionContent;
  focusAnswer: boolean;
  onDecided: (message: string) => void;
  onRace: (message: string) => void;
}) {
  const trpc = useTRPC();
  const [answer, setAnswer] = useState("");
  const [option, setOption] = useState<ResponseOption | null>(null);
  const [dismissing, setDismissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const answerRef = useRef<HTMLTextAreaElement>(null);

  const failed = (e: { message: string; data?: ErrorData }) => {
    const race = raceMessage(e.data, questionOutcomeLabel);
    if (race) return onRace(race);
    setError(e.message);
  };
  const send = useMutation(trpc.review.answer.mutationOptions({ onMutate: () => setError(null), onSuccess: () => onDecided("You answered this question."), onError: failed }));
  const dismiss = useMutation(
    trpc.review.decide.mutationOptions({
      onMutate: () => setError(null),
      onSuccess: () => onDecided("You dismissed this question."),
      onError: failed,
      onSettled: () => setDismissing(false),
    }),
  );
  const busy = send.isPending || dismiss.isPending;

  useEffect(() => {
    if (focusAnswer) answerRef.current?.focus();
  }, [focusAnswer]);
  // `a` answers, as it approves in the inbox: here it puts the cursor in the answer box.
  useEffect(() => {
    const listener = (e: KeyboardEvent) => {
      if (e.key !== "a" || !isShortcutEvent(e)) return;
      e.preventDefault();
      answerRef.current?.focus();
    };
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  const choose = (o: ResponseOption) => {
    // Picking a suggestion fills the box unless the reviewer has written something of their own.
    if (answer.trim() === "" || (option && answer === optionLabel(option))) setAnswer(optionLabel(o));
    setOption(o);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = answer.trim();
    if (text === "" || busy) return;
    send.mutate({ id, answer: text, optionName: option?.name });
  };

  const options = question.responseOptions ?? [];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Your answer</CardTitle>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} className="flex flex-col gap-3">
          {options.length > 0 ? (
            <fieldset className="flex min-w-0 flex-col gap-2">
              <legend className="mb-2 text-sm font-medium">Suggested answers (optional)</legend>
              {options.map((o, i) => (
                <label key={i} className="flex min-w-0 cursor-pointer items-start gap-2 rounded-md border p-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-accent">
                  <input type="radio" name="response-option" className="mt-0.5 size-4 shrink-0" checked={option?.name === o.name} onChange={() => choose(o)} disabled={busy} />
                  <span className="min-w-0">
                    <AgentText className="block font-medium" text={optionLabel(o)} />
                    {o.description ? <AgentText className="block text-muted-foreground" text={o.description} /> : null}
                  </span>
                </label>
              ))}
              {option ? (
                <Button type="button" variant="link" size="sm" className="h-auto self-start p-0" onClick={() => setOption(null)}>
                  Answer without a suggested option
                </Button>
              ) : null}
            </fieldset>
          ) : null}
          <div className="flex flex-col gap-2">
            <Label htmlFor="question-answer">Your answer</Label>
            <Textarea
              id="question-answer"
              ref={answerRef}
              value={answer}
              onChange={(e) => setAnswer(e.target.value)}
              maxLength={ANSWER_MAX}
              rows={5}
              aria-describedby="question-answer-hint"
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) submit(e);
              }}
            />
            <p id="question-answer-hint" className="flex flex-wrap items-center gap-1 text-xs text-muted-foreground">
              The agent reads this as written. <Kbd>a</Kbd> puts the cursor here, <Kbd>Ctrl+Enter</Kbd> sends.
            </p>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={busy || answer.trim() === ""}>
              <Send aria-hidden /> Send answer
            </Button>
            <Button type="button" variant="outline" disabled={busy} onClick={() => setDismissing(true)}>
              <X aria-hidden /> Dismiss
            </Button>
          </div>
          {error ? (
            <p role="alert" className="agent-text text-sm text-destructive">
              {error}
            </p>
          ) : null}
        </form>
      </CardContent>
      <DenyDialog
        open={dismissing}
        onOpenChange={setDismissing}
        title="Dismiss this question"
        submitLabel="Dismiss question"
        busy={dismiss.isPending}
        error={error}
        onDeny={(reason) => dismiss.mutate({ id, decision: { type: "deny", reason } })}
      />
    </Card>
  );
}
