import { Ban, CircleCheck, CircleX, Clock } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { diffJson } from "@/server/domain/json/diff";
import type { ReviewerRequestView } from "@/server/services/approval/view";
import { AgentText } from "./agent-text";
import { ClampedText } from "./clamped-text";
import { ChangesList } from "./changes-list";
import { JsonTree } from "./json-tree";
import { optionLabel, questionOf, questionOutcomeLabel } from "./question-view";
import { StatusBadge } from "./status-badges";
import { formatWhen } from "./time-format";

const ICONS = { approved: CircleCheck, denied: CircleX, expired: Clock, cancelled: Ban } as const;
const CHANNELS: Record<string, string> = { web: "the dashboard", slack: "Slack", mcp: "MCP", api: "the API", cli: "the CLI", policy: "policy", timeout: "the deadline" };

/**
 * A decided request: what happened, who or what decided, when, through which
 * channel, and with which arguments. For a question: the answer given (an
 * answer is the approval's comment) or why it was dismissed.
 */
export function OutcomePanel({ request }: { request: ReviewerRequestView }) {
  const d = request.decision;
  if (!d) return null;
  const Icon = ICONS[d.outcome];
  const question = questionOf(request);
  const modified = !question && d.outcome === "approved" && d.modified && d.finalArguments !== null;
  const picked = question?.answerOptionName ? question.responseOptions?.find((o) => o.name === question.answerOptionName) : undefined;
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2">
          <Icon className={d.outcome === "approved" ? "size-5 text-success" : d.outcome === "denied" ? "size-5 text-destructive" : "size-5 text-muted-foreground"} aria-hidden />
          Outcome: <StatusBadge status={d.outcome} label={question ? questionOutcomeLabel(d.outcome) : undefined} className="text-sm" />
        </CardTitle>
      </CardHeader>
      <CardContent className="flex min-w-0 flex-col gap-4">
        <dl className="grid min-w-0 grid-cols-1 gap-2 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-muted-foreground">{question && d.outcome === "approved" ? "Answered by" : "Decided by"}</dt>
          <dd className="min-w-0">
            <AgentText text={d.by} />
          </dd>
          <dt className="text-muted-foreground">Through</dt>
          <dd>
            {CHANNELS[d.channel] ?? d.channel} <span className="text-muted-foreground">({d.channel})</span>
          </dd>
          <dt className="text-muted-foreground">When</dt>
          <dd>
            <time dateTime={d.decidedAt}>{formatWhen(d.decidedAt)}</time>
          </dd>
          {d.comment ? (
            <>
              <dt className="text-muted-foreground">{question ? "Answer" : "Comment"}</dt>
              <dd className="min-w-0">
                <ClampedText text={d.comment} limit={question ? 4000 : 600} />
              </dd>
            </>
          ) : null}
          {question?.answerOptionName ? (
            <>
              <dt className="text-muted-foreground">Chosen option</dt>
              <dd className="min-w-0">
                <AgentText className="font-medium" text={picked ? optionLabel(picked) : question.answerOptionName} />
                {picked && optionLabel(picked) !== picked.name ? <AgentText className="ml-1 font-mono text-xs text-muted-foreground" text={`(${picked.name})`} /> : null}
              </dd>
            </>
          ) : null}
          {d.reason ? (
            <>
              <dt className="text-muted-foreground">Reason</dt>
              <dd className="min-w-0">
                <ClampedText text={d.reason} />
              </dd>
            </>
          ) : null}
          {d.outcome === "approved" && !question ? (
            <>
              <dt className="text-muted-foreground">Arguments</dt>
              <dd>{modified ? "approved with changes" : "approved as proposed"}</dd>
            </>
          ) : null}
          {request.execution ? (
            <>
              <dt className="text-muted-foreground">Execution</dt>
              <dd className="min-w-0">
                {request.execution.status} · claimed {formatWhen(request.execution.claimedAt)}
                {request.execution.detail ? (
                  <>
                    {" · "}
                    <AgentText text={request.execution.detail} />
                  </>
                ) : null}
              </dd>
            </>
          ) : null}
        </dl>
        {modified ? (
          <div className="flex min-w-0 flex-col gap-3">
            <div className="min-w-0 rounded-md border p-3">
              <h3 className="mb-2 text-sm font-semibold">Changed by the reviewer</h3>
              <ChangesList changes={diffJson(request.arguments, d.finalArguments)} />
            </div>
            <div className="grid min-w-0 gap-3 md:grid-cols-2">
              <div className="min-w-0 rounded-md border p-3">
                <h3 className="mb-2 text-sm font-semibold">Original arguments</h3>
                <JsonTree value={request.arguments} redactedPaths={request.redactedPaths} label="Original arguments" />
              </div>
              <div className="min-w-0 rounded-md border p-3">
                <h3 className="mb-2 text-sm font-semibold">Final arguments (what the agent runs)</h3>
                <JsonTree value={d.finalArguments} markRedactedText label="Final arguments" />
              </div>
            </div>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
