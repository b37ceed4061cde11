import type { ReviewerRequestView } from "@/server/services/approval/view";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { AgentText, HiddenCharactersBadge } from "./agent-text";
import { ClampedText } from "./clamped-text";
import { Countdown, Since } from "./countdown";
import { QuestionMessage } from "./question-message";
import { questionOf, questionOutcomeLabel } from "./question-view";
import { QuestionBadge, RiskBadge, StatusBadge } from "./status-badges";
import { formatWhen } from "./time-format";

const HINTS = [
  ["readOnlyHint", "read-only"],
  ["destructiveHint", "destructive"],
  ["idempotentHint", "idempotent"],
  ["openWorldHint", "open world"],
] as const;

function annotationBadges(annotations: unknown): string[] {
  if (annotations === null || typeof annotations !== "object") return [];
  const a = annotations as Record<string, unknown>;
  return HINTS.flatMap(([key, label]) => (typeof a[key] === "boolean" ? [`${a[key] ? "" : "not "}${label}`] : []));
}

/**
 * Who asks for what, why, how risky it is, and how long is left before the
 * default deny. A question shows its message where an action shows its tool.
 */
export function RequestOverview({
  request,
  hiddenCharacters,
  pending,
  answering = false,
}: {
  request: ReviewerRequestView;
  hiddenCharacters: boolean;
  pending: boolean;
  /** The answer form is on screen with the response options as choices. */
  answering?: boolean;
}) {
  const hints = annotationBadges(request.annotations);
  const question = questionOf(request);
  const status = pending ? "pending" : request.status;
  return (
    <Card className="min-w-0">
      <CardContent className="flex min-w-0 flex-col gap-4 pt-4">
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          {question ? <QuestionBadge /> : <RiskBadge risk={request.risk} />}
          <StatusBadge status={status} label={question ? questionOutcomeLabel(status) : undefined} />
          {hiddenCharacters ? <HiddenCharactersBadge /> : null}
        </div>
        {question ? (
          <QuestionMessage question={question} agentName={request.agentName} listOptions={!answering} />
        ) : (
          <div className="min-w-0">
            <h1 className="min-w-0 text-xl font-semibold">
              <AgentText className="font-mono" text={request.tool} />
            </h1>
            {request.summary ? <AgentText as="p" className="mt-1 block text-base" text={request.summary} /> : <p className="mt-1 text-muted-foreground">No summary given.</p>}
          </div>
        )}
        {request.reason ? (
          <div className="min-w-0 rounded-md border-l-4 bg-muted/50 p-3">
            <h2 className="mb-1 text-xs font-semibold tracking-wide text-muted-foreground uppercase">The agent&apos;s reason</h2>
            <ClampedText className="text-sm" text={request.reason} />
          </div>
        ) : null}
        <dl className="grid min-w-0 grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[9rem_1fr]">
          {pending ? (
            <>
              <dt className="text-muted-foreground">{question ? "Expires unanswered in" : "Denied by default in"}</dt>
              <dd>
                <Countdown expiresAt={request.expiresAt} className="font-medium" /> <span className="text-muted-foreground">at {formatWhen(request.expiresAt)}</span>
              </dd>
            </>
          ) : null}
          <dt className="text-muted-foreground">Agent</dt>
          <dd className="min-w-0">
            <AgentText text={request.agentName} />
          </dd>
          <dt className="text-muted-foreground">Session</dt>
          <dd className="min-w-0">{request.session ? <AgentText className="font-mono text-xs" text={request.session} /> : <span className="text-muted-foreground">none</span>}</dd>
          <dt className="text-muted-foreground">Submitted</dt>
          <dd>
            {formatWhen(request.createdAt)}
            {pending ? (
              <span className="text-muted-foreground">
                {" "}
                · waiting <Since at={request.createdAt} />
              </span>
            ) : null}
          </dd>
          <dt className="text-muted-foreground">Why this risk</dt>
          <dd className="min-w-0">
            <ul className="flex flex-col gap-0.5">
              {request.riskReasons.map((r, i) => (
                <li key={i}>
                  <AgentText text={r} />
                </li>
              ))}
              <li className="text-muted-foreground">
                policy: {request.policy.effect} — <AgentText text={request.policy.reason} />
              </li>
            </ul>
          </dd>
          {hints.length > 0 ? (
            <>
              <dt className="text-muted-foreground">Annotations</dt>
              <dd className="flex flex-wrap gap-1">
                {hints.map((h) => (
                  <Badge key={h} variant="outline">
                    {h}
                  </Badge>
                ))}
              </dd>
            </>
          ) : null}
          {request.resources && request.resources.length > 0 ? (
            <>
              <dt className="text-muted-foreground">Resources</dt>
              <dd className="flex min-w-0 flex-col gap-0.5">
                {request.resources.map((r, i) => (
                  <AgentText key={i} className="font-mono text-xs" text={r} />
                ))}
              </dd>
            </>
          ) : null}
        </dl>
      </CardContent>
    </Card>
  );
}
