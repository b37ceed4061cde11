"use client";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { Check, PencilLine, X } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";
import type { JsonObject } from "@/server/domain/json/canonical";
import type { ReviewerRequestView } from "@/server/services/approval/view";
import { CriticalConfirmDialog } from "./critical-confirm-dialog";
import { raceMessage, schemaProblems } from "./decision-errors";
import { DenyDialog } from "./deny-dialog";
import { ModifyEditor } from "./modify-editor";

type Approval = { finalArguments?: JsonObject };

/** Approve, modify or deny a pending request. A lost race is reported through `onRace`, not as an error. */
export function DecisionPanel({
  request,
  startInModify,
  onDecided,
  onRace,
}: {
  request: ReviewerRequestView;
  startInModify: boolean;
  onDecided: (message: string) => void;
  onRace: (message: string) => void;
}) {
  const trpc = useTRPC();
  const [modifying, setModifying] = useState(startInModify);
  const [comment, setComment] = useState("");
  const [confirming, setConfirming] = useState<Approval | null>(null);
  const [denying, setDenying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const critical = request.risk === "critical";

  const decide = useMutation(
    trpc.review.decide.mutationOptions({
      onMutate: () => setError(null),
      onSuccess: (v) => onDecided(v.status === "approved" ? (v.decision?.modified ? "You approved this request with changes." : "You approved this request.") : "You denied this request."),
      onError: (e) => {
        const race = raceMessage(e.data);
        if (race) return onRace(race);
        const problems = schemaProblems(e.data);
        setError(problems.length > 0 ? `The agent's schema refuses these arguments: ${problems.join("; ")}` : e.message);
      },
      onSettled: () => {
        setConfirming(null);
        setDenying(false);
      },
    }),
  );

  const approve = (a: Approval) => {
    if (critical && !confirming) return setConfirming(a);
    decide.mutate({ id: request.id, decision: { type: "approve", finalArguments: a.finalArguments, comment: comment.trim() || undefined } });
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>Your decision</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <div className="flex flex-col gap-2">
          <Label htmlFor="decision-comment">Comment for the agent (optional)</Label>
          <Input id="decision-comment" value={comment} onChange={(e) => setComment(e.target.value)} maxLength={5000} autoComplete="off" />
        </div>
        {modifying ? (
          <ModifyEditor
            id={request.id}
            original={request.arguments}
            busy={decide.isPending}
            serverError={error}
            onApprove={(finalArguments) => approve({ finalArguments })}
            onCancel={() => {
              setModifying(false);
              setError(null);
            }}
          />
        ) : (
          <>
            <div className="flex flex-wrap gap-2">
              <Button variant="success" disabled={decide.isPending} onClick={() => approve({})}>
                <Check aria-hidden /> Approve
              </Button>
              <Button variant="outline" disabled={decide.isPending} onClick={() => setModifying(true)}>
                <PencilLine aria-hidden /> Modify
              </Button>
              <Button variant="destructive" disabled={decide.isPending} onClick={() => setDenying(true)}>
                <X aria-hidden /> Deny
              </Button>
            </div>
            {critical ? <p className="text-xs text-muted-foreground">Critical: approving asks you to type the tool name.</p> : null}
            {error ? (
              <p role="alert" className="agent-text text-sm text-destructive">
                {error}
              </p>
            ) : null}
          </>
        )}
      </CardContent>
      {confirming ? (
        <CriticalConfirmDialog
          open
          onOpenChange={(o) => (o ? undefined : setConfirming(null))}
          tool={request.tool}
          summary={request.summary}
          busy={decide.isPending}
          onConfirm={() => approve(confirming)}
        />
      ) : null}
      <DenyDialog
        open={denying}
        onOpenChange={setDenying}
        title="Deny this request"
        busy={decide.isPending}
        error={error}
        onDeny={(reason) => decide.mutate({ id: request.id, decision: { type: "deny", reason } })}
      />
    </Card>
  );
}
