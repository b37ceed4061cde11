/**
 * What a request asks of the human. An action asks for permission to run a
 * tool call; a question asks for an answer in words (HumanLayer's "contact
 * request"). Both share the lifecycle, the deadline and the audit log.
 */
export const REQUEST_KINDS = ["action", "question"] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** The tool name every question is stored under. */
export const QUESTION_TOOL = "human_contact";
