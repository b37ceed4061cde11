import { AgentText } from "./agent-text";
import { ClampedText } from "./clamped-text";
import { optionLabel, type QuestionContent } from "./question-view";

/**
 * What the agent asks, every word of it agent-written and so rendered as
 * inert text. The offered answers are listed only when they are not already
 * on screen as choices in the answer form.
 */
export function QuestionMessage({ question, agentName, listOptions }: { question: QuestionContent; agentName: string; listOptions: boolean }) {
  const options = question.responseOptions ?? [];
  return (
    <div className="flex min-w-0 flex-col gap-3">
      <h1 className="min-w-0 text-xl font-semibold">
        {question.subject?.trim() ? (
          <AgentText text={question.subject} />
        ) : (
          <>
            Question from <AgentText text={agentName} />
          </>
        )}
      </h1>
      <div className="min-w-0 rounded-md border-l-4 border-primary/50 bg-muted/50 p-3">
        <h2 className="mb-1 text-xs font-semibold tracking-wide text-muted-foreground uppercase">The agent asks</h2>
        <ClampedText className="text-base" text={question.message} limit={4000} />
      </div>
      {listOptions && options.length > 0 ? (
        <div className="min-w-0">
          <h2 className="mb-1 text-xs font-semibold tracking-wide text-muted-foreground uppercase">Suggested answers</h2>
          <ul className="flex min-w-0 flex-col gap-1 text-sm">
            {options.map((o, i) => (
              <li key={i} className="min-w-0">
                <AgentText className="font-medium" text={optionLabel(o)} />
                {o.description ? (
                  <>
                    {" — "}
                    <AgentText className="text-muted-foreground" text={o.description} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
