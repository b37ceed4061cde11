import type { JsonObject } from "../../domain/json/canonical";
import { QUESTION_TOOL } from "../../domain/approval/kind";
import type { Verdict } from "../../domain/policy/evaluate";
import type { ServiceContext } from "../context";
import { askInputSchema, type AskInput } from "./schemas";
import type { AgentRequestView } from "./view";
import { submittingAgent, writeNewRequest } from "./write-request";

/** Policy is not asked: an answer can only come from a person, so a question is never decided automatically. */
export const QUESTION_VERDICT: Verdict = { effect: "require_approval", reason: "questions always go to a human", requiredMode: "read_only" };

const SUMMARY_CHARS = 200;

/** The first line of the message, shortened, for lists and search when the question has no subject. */
function summaryOf(message: string): string {
  const line = message.trim().split("\n", 1)[0] ?? "";
  return line.length > SUMMARY_CHARS ? `${line.slice(0, SUMMARY_CHARS - 1)}…` : line;
}

/**
 * An agent asks a human a question. It is stored and reviewed like an
 * action request (deadline, default deny, audit, live updates) with kind
 * "question"; a reviewer answers it with `answerQuestion` or dismisses it
 * with a denial.
 */
export async function askQuestion({ ctx, input, channelData }: { ctx: ServiceContext; input: AskInput; channelData?: JsonObject }): Promise<AgentRequestView> {
  const { actor, agent } = await submittingAgent(ctx, "questions");
  const parsed = askInputSchema.parse(input);
  const args: JsonObject = { message: parsed.message };
  if (parsed.subject !== undefined) args.subject = parsed.subject;
  if (parsed.responseOptions !== undefined) args.responseOptions = parsed.responseOptions;

  return writeNewRequest(ctx, actor, agent, {
    kind: "question",
    tool: QUESTION_TOOL,
    arguments: args,
    // No hints: a read-only hint is what lets policy auto-approve, and nothing here may.
    annotations: {},
    summary: parsed.subject ?? summaryOf(parsed.message),
    reason: null,
    preview: null,
    argumentsSchema: null,
    session: parsed.session ?? null,
    resources: null,
    callbackUrl: null,
    idempotencyKey: parsed.idempotencyKey ?? null,
    body: { kind: "question", ...parsed },
    channelData: channelData ?? null,
    timeoutSeconds: parsed.timeoutSeconds,
    risk: "low",
    riskReasons: ["a question: nothing is executed"],
    verdict: QUESTION_VERDICT,
    agentMode: agent.mode,
  });
}
