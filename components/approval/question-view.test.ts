import { describe, expect, it } from "vitest";
import { optionLabel, questionHeadline, questionOf, questionTexts, requestLabel } from "./question-view";

const q = (message: string, subject: string | null = null) => ({ message, subject, responseOptions: null, answerOptionName: null });

describe("questionHeadline", () => {
  it.each([
    ["the subject when there is one", q("Body\nmore", "Which region?"), "Which region?"],
    ["the first non-blank line otherwise", q("\n  \n  Deploy to eu or us?\nDetails follow"), "Deploy to eu or us?"],
    ["the message when the subject is blank", q("Only line", "   "), "Only line"],
    ["a placeholder for an empty message", q("  \n "), "(empty question)"],
    ["CRLF line ends", q("First\r\nSecond"), "First"],
  ])("uses %s", (_, question, expected) => {
    expect(questionHeadline(question)).toBe(expected);
  });

  it("cuts a long line", () => {
    const h = questionHeadline(q("x".repeat(5000)));
    expect(h).toHaveLength(201);
    expect(h.endsWith("…")).toBe(true);
  });
});

describe("questionOf / requestLabel", () => {
  it("names an action by its tool and a question by its headline", () => {
    expect(requestLabel({ kind: "action", question: null, tool: "k8s.scale" })).toBe("k8s.scale");
    expect(requestLabel({ kind: "question", question: q("Proceed?"), tool: "human_contact" })).toBe("Question: Proceed?");
  });

  it("treats an action as no question even if it carried question data", () => {
    expect(questionOf({ kind: "action", question: q("x") })).toBeNull();
  });
});

describe("optionLabel / questionTexts", () => {
  it("prefers the title and falls back to the name", () => {
    expect(optionLabel({ name: "yes", title: "Yes, go" })).toBe("Yes, go");
    expect(optionLabel({ name: "no", title: "  " })).toBe("no");
    expect(optionLabel({ name: "maybe" })).toBe("maybe");
  });

  it("collects every agent-written string", () => {
    const texts = questionTexts({ message: "m", subject: "s", responseOptions: [{ name: "n", title: "t", description: "d" }], answerOptionName: null });
    expect(texts).toEqual(["m", "s", "n", "t", "d"]);
  });
});
