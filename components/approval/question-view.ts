import type { ReviewerRequestView } from "@/server/services/approval/view";

export type QuestionContent = NonNullable<ReviewerRequestView["question"]>;
export type ResponseOption = NonNullable<QuestionContent["responseOptions"]>[number];

/** The question an agent asked, or null for an action request. */
export function questionOf(r: Pick<ReviewerRequestView, "kind" | "question">): QuestionContent | null {
  return r.kind === "question" && r.question ? r.question : null;
}

const HEADLINE_MAX = 200;

/** What a list shows for a question: its subject, else the first non-blank line of the message. */
export function questionHeadline(q: Pick<QuestionContent, "message" | "subject">): string {
  const subject = q.subject?.trim();
  const text = subject || (q.message.split(/\r\n|\r|\n/).find((l) => l.trim() !== "") ?? "").trim();
  if (text === "") return "(empty question)";
  return text.length > HEADLINE_MAX ? `${text.slice(0, HEADLINE_MAX)}…` : text;
}

/** A request named for people: the tool for an action, "Question: …" for a question. */
export function requestLabel(r: Pick<ReviewerRequestView, "kind" | "question" | "tool">): string {
  const q = questionOf(r);
  return q ? `Question: ${questionHeadline(q)}` : r.tool;
}

/** How a response option reads on its button. */
export function optionLabel(o: ResponseOption): string {
  return o.title?.trim() || o.name;
}

/** Every piece of agent text a question carries, to look for hidden characters. */
export function questionTexts(q: QuestionContent): string[] {
  return [q.message, q.subject ?? "", ...(q.responseOptions ?? []).flatMap((o) => [o.name, o.title ?? "", o.description ?? ""])];
}

/** The outcome of a question in its own words: an answered question was approved, a dismissed one denied. */
export function questionOutcomeLabel(status: string): string {
  switch (status) {
    case "approved":
      return "answered";
    case "denied":
      return "dismissed";
    default:
      return status;
  }
}
