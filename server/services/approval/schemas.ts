import { z } from "zod";
import { APPROVAL_STATUSES } from "../../domain/approval/status";
import { OUTCOMES } from "../../domain/approval/execution";
import { RISK_TIERS } from "../../domain/approval/risk";
import { jsonObjectSchema, jsonValueSchema } from "../shared/json-schemas";

export const MIN_TIMEOUT_SECONDS = 5;
export const MAX_TIMEOUT_SECONDS = 86_400;

export const requestIdSchema = z.string().uuid({ error: "id must be a request id (a UUID)" });

export const toolNameSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_.:/-]+$/, { error: "tool may contain only letters, digits and _ . : / -" });

export const annotationsSchema = z.strictObject({
  title: z.string().max(200).optional(),
  readOnlyHint: z.boolean().optional(),
  destructiveHint: z.boolean().optional(),
  idempotentHint: z.boolean().optional(),
  openWorldHint: z.boolean().optional(),
});

export const previewChangeSchema = z.strictObject({
  path: z.string().min(1).max(2000),
  from: jsonValueSchema("preview change 'from'").optional(),
  to: jsonValueSchema("preview change 'to'").optional(),
  warning: z.string().max(2000).optional(),
});

export const previewSchema = z.strictObject({
  changes: z.array(previewChangeSchema).max(10_000).optional(),
  impact: z.string().max(20_000).optional(),
  reversible: z.boolean().optional(),
  rollback: z.string().max(20_000).optional(),
  diff: z.string().max(200_000).optional(),
  targetVersion: z.string().min(1).max(200).optional(),
});

export const submitInputSchema = z.strictObject({
  tool: toolNameSchema,
  arguments: jsonObjectSchema("arguments"),
  annotations: annotationsSchema.optional(),
  summary: z.string().max(500).optional(),
  reason: z.string().max(5000).optional(),
  preview: previewSchema.optional(),
  argumentsSchema: jsonObjectSchema("argumentsSchema").optional(),
  session: z.string().min(1).max(200).optional(),
  resources: z.array(z.string().min(1).max(500)).max(100).optional(),
  idempotencyKey: z.string().min(1).max(200).optional(),
  timeoutSeconds: z
    .number()
    .int()
    .min(MIN_TIMEOUT_SECONDS, { error: `timeoutSeconds must be at least ${MIN_TIMEOUT_SECONDS}` })
    .max(MAX_TIMEOUT_SECONDS, { error: `timeoutSeconds must be at most ${MAX_TIMEOUT_SECONDS} (24 hours)` })
    .optional(),
  callbackUrl: z.url({ protocol: /^https?$/, error: "callbackUrl must be an http(s) URL" }).max(2000).optional(),
});
export type SubmitInput = z.infer<typeof submitInputSchema>;

export const MAX_RESPONSE_OPTIONS = 20;
export const responseOptionSchema = z.strictObject({
  name: z.string().trim().min(1, { error: "a response option needs a name" }).max(100),
  title: z.string().max(200).optional(),
  description: z.string().max(2000).optional(),
});
export type ResponseOption = z.infer<typeof responseOptionSchema>;

/** A question for a human: always reviewed by a person, never decided by policy. */
export const askInputSchema = z.strictObject({
  message: z.string().min(1, { error: "a question needs a message" }).max(20_000),
  subject: z.string().max(500).optional(),
  session: z.string().min(1).max(200).optional(),
  idempotencyKey: z.string().min(1).max(200).optional(),
  timeoutSeconds: submitInputSchema.shape.timeoutSeconds,
  responseOptions: z
    .array(responseOptionSchema)
    .max(MAX_RESPONSE_OPTIONS, { error: `at most ${MAX_RESPONSE_OPTIONS} response options` })
    .refine((options) => new Set(options.map((o) => o.name)).size === options.length, { error: "response option names must be unique" })
    .optional(),
});
export type AskInput = z.infer<typeof askInputSchema>;

/** A reviewer's answer; `optionName` picks one of the question's response options. */
export const answerInputSchema = z.strictObject({
  id: requestIdSchema,
  answer: z.string().trim().min(1, { error: "an answer cannot be empty" }).max(20_000),
  optionName: z.string().min(1).max(100).optional(),
});
export type AnswerInput = z.infer<typeof answerInputSchema>;

export const getInputSchema = z.strictObject({ id: requestIdSchema });
export type GetInput = z.infer<typeof getInputSchema>;

export const MAX_WAIT_MS = 60_000;
export const waitInputSchema = z.strictObject({
  id: requestIdSchema,
  timeoutMs: z.number().int().min(0).max(MAX_WAIT_MS, { error: `timeoutMs must be at most ${MAX_WAIT_MS}` }).default(30_000),
});
export type WaitInput = z.input<typeof waitInputSchema>;

export const cancelInputSchema = z.strictObject({ id: requestIdSchema, reason: z.string().max(2000).optional() });
export type CancelInput = z.infer<typeof cancelInputSchema>;

export const claimInputSchema = z.strictObject({
  id: requestIdSchema,
  executionToken: z.string().min(1).max(200),
  /** The arguments the agent is about to execute; must be the approved ones. */
  arguments: jsonObjectSchema("arguments").optional(),
  /** The target's version as the agent reads it now; required when the preview named one. */
  currentVersion: z.string().min(1).max(200).optional(),
});
export type ClaimInput = z.infer<typeof claimInputSchema>;

export const reportOutcomeInputSchema = z.strictObject({
  id: requestIdSchema,
  outcome: z.enum(OUTCOMES),
  detail: z.string().max(10_000).optional(),
});
export type ReportOutcomeInput = z.infer<typeof reportOutcomeInputSchema>;

export const decisionSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("approve"),
    finalArguments: jsonObjectSchema("finalArguments").optional(),
    comment: z.string().max(5000).optional(),
  }),
  z.strictObject({
    type: z.literal("deny"),
    reason: z.string().trim().min(1, { error: "a denial needs a reason" }).max(5000),
  }),
]);
export type DecisionInput = z.infer<typeof decisionSchema>;

export const decideInputSchema = z.strictObject({ id: requestIdSchema, decision: decisionSchema });
export type DecideInput = z.infer<typeof decideInputSchema>;

/** "deadline": pending requests, soonest default-deny first (the inbox). "newest": every request, newest first. */
export const LIST_SORTS = ["deadline", "newest"] as const;
export type ListSort = (typeof LIST_SORTS)[number];

export const listInputSchema = z
  .strictObject({
    status: z.enum(APPROVAL_STATUSES).optional(),
    risk: z.enum(RISK_TIERS).optional(),
    agentId: z.string().min(1).max(200).optional(),
    /** A case-insensitive part of the tool name. */
    tool: z.string().trim().max(200).optional(),
    sort: z.enum(LIST_SORTS).default("newest"),
    /** Opaque: hand back the `nextCursor` of the previous page, with the same sort. */
    cursor: z.string().min(1).max(500).optional(),
    limit: z.number().int().min(1).max(200).default(50),
    /**
     * "summary" leaves out what only the detail page needs (arguments, preview,
     * argumentsSchema, annotations: null; redactedPaths: []). A live inbox
     * refetches on every change, and one agent's 200 KiB previews must not
     * make that cost megabytes.
     */
    fields: z.enum(["full", "summary"]).default("full"),
    /** Sent by tRPC's infinite queries; pages only go forward, so it is accepted and ignored. */
    direction: z.enum(["forward", "backward"]).optional(),
  })
  .refine((i) => i.sort !== "deadline" || i.status === undefined || i.status === "pending", {
    error: 'sort "deadline" lists pending requests only',
    path: ["status"],
  });
export type ListInput = z.input<typeof listInputSchema>;

export const validateArgumentsInputSchema = z.strictObject({ id: requestIdSchema, finalArguments: jsonObjectSchema("finalArguments") });
export type ValidateArgumentsInput = z.infer<typeof validateArgumentsInputSchema>;

/** A batch decision: no modified arguments, one comment or reason for all. */
export const batchDecisionSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("approve"), comment: z.string().max(5000).optional() }),
  z.strictObject({ type: z.literal("deny"), reason: z.string().trim().min(1, { error: "a denial needs a reason" }).max(5000) }),
]);
export const MAX_BATCH = 100;
export const decideManyInputSchema = z.strictObject({
  ids: z.array(requestIdSchema).min(1).max(MAX_BATCH, { error: `at most ${MAX_BATCH} requests at once` }),
  decision: batchDecisionSchema,
});
export type DecideManyInput = z.infer<typeof decideManyInputSchema>;
