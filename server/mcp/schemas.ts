import { z } from "zod";
import type { JsonObject, JsonValue } from "../domain/json/canonical";
import { APPROVAL_STATUSES } from "../domain/approval/status";
import { RISK_TIERS } from "../domain/approval/risk";
import { SAFETY_MODES } from "../domain/approval/annotations";
import { OUTCOMES } from "../domain/approval/execution";
import {
  annotationsSchema,
  cancelInputSchema,
  claimInputSchema,
  previewChangeSchema,
  previewSchema,
  reportOutcomeInputSchema,
  requestIdSchema,
  submitInputSchema,
  toolNameSchema,
} from "../services/approval/schemas";

/*
 * Tool schemas are published to clients as JSON Schema, and the service
 * schemas' JSON checks (depth, size) are zod custom types that JSON Schema
 * cannot express. So the JSON-valued fields are plain objects/values here,
 * and each verb re-parses its input with the full service schema; a
 * violation then comes back as a BAD_REQUEST tool error. (Hence the casts:
 * the types are what the verb accepts once it has checked.)
 */
const jsonObject = (what: string) => z.record(z.string(), z.unknown()).describe(what) as unknown as z.ZodType<JsonObject>;
const jsonValue = z.unknown() as z.ZodType<JsonValue>;

/** One wait answers within the SDK client's default 60 s request timeout. */
export const MAX_MCP_WAIT_SECONDS = 55;

const id = requestIdSchema.describe("The request id returned by request_approval.");

const mcpPreviewSchema = previewSchema
  .extend({
    changes: z
      .array(previewChangeSchema.extend({ from: jsonValue.optional(), to: jsonValue.optional() }))
      .max(10_000)
      .optional()
      .describe("Field-level changes: { path, from, to, warning? } per changed value."),
  })
  .describe(
    "The dry run the reviewer sees before deciding: what would change (changes and/or a unified diff), its impact, whether it is reversible and how to roll back, and optionally targetVersion (an ETag/version of the target the preview was computed against; claim_execution must then report currentVersion).",
  );

// callbackUrl is left out: an MCP agent waits with wait_for_approval, and a
// model must not be steerable into making the server call arbitrary URLs.
export const requestApprovalInputSchema = submitInputSchema.omit({ callbackUrl: true }).extend({
  tool: toolNameSchema.describe("Dotted name of the action you want to perform, e.g. github.delete_repository (letters, digits, _ . : / -)."),
  arguments: jsonObject("The exact arguments you intend to call the tool with (a JSON object, at most 64 KiB)."),
  annotations: annotationsSchema
    .optional()
    .describe("MCP ToolAnnotations of the action. Absent hints mean destructive, not read-only. Set them truthfully: they drive risk and policy."),
  summary: submitInputSchema.shape.summary.describe("One line the human reads first: what will happen, in plain words."),
  reason: submitInputSchema.shape.reason.describe("Why this action is needed now."),
  preview: mcpPreviewSchema.optional(),
  argumentsSchema: jsonObject("Optional JSON Schema the reviewer's modified arguments must satisfy.").optional(),
  session: submitInputSchema.shape.session.describe("Your session/run id, to group requests."),
  resources: submitInputSchema.shape.resources.describe("Ids of the resources the action touches."),
  idempotencyKey: submitInputSchema.shape.idempotencyKey.describe(
    "Resubmitting with the same key returns the same request instead of creating another (a different body with the same key is an error). Use it when retrying.",
  ),
  timeoutSeconds: submitInputSchema.shape.timeoutSeconds.describe("Deadline for a human decision (5–86400 s, default 300). No decision by then means denied."),
  waitSeconds: z
    .number()
    .int()
    .min(0)
    .max(MAX_MCP_WAIT_SECONDS)
    .default(0)
    .describe(`Seconds to wait for the decision before answering (0–${MAX_MCP_WAIT_SECONDS}, default 0 = answer at once). If still pending, call wait_for_approval.`),
});

export const getApprovalInputSchema = z.strictObject({ id });

export const waitForApprovalInputSchema = z.strictObject({
  id,
  waitSeconds: z
    .number()
    .int()
    .min(0)
    .max(MAX_MCP_WAIT_SECONDS)
    .default(MAX_MCP_WAIT_SECONDS)
    .describe(`Longest wait in seconds (0–${MAX_MCP_WAIT_SECONDS}, default ${MAX_MCP_WAIT_SECONDS}). Answers the moment the request is decided.`),
});

export const cancelApprovalInputSchema = cancelInputSchema.extend({
  id,
  reason: cancelInputSchema.shape.reason.describe("Why you no longer need the action (shown to reviewers)."),
});

export const checkPermissionInputSchema = z.strictObject({
  tool: requestApprovalInputSchema.shape.tool,
  arguments: jsonObject("The arguments you would call the tool with (optional; the verdict does not depend on them today).").optional(),
  annotations: requestApprovalInputSchema.shape.annotations,
  preview: mcpPreviewSchema.optional(),
});

export const claimExecutionInputSchema = claimInputSchema.extend({
  id,
  executionToken: claimInputSchema.shape.executionToken.describe("The executionToken from the approved request (single use)."),
  arguments: jsonObject("The arguments you are about to execute: must be the approved finalArguments.").optional(),
  currentVersion: claimInputSchema.shape.currentVersion.describe("The target's version as you read it now; required when the preview named a targetVersion."),
});

export const reportOutcomeInputMcpSchema = reportOutcomeInputSchema.extend({
  id,
  outcome: z.enum(OUTCOMES).describe("succeeded or failed."),
  detail: reportOutcomeInputSchema.shape.detail.describe("What happened, e.g. the error message or the id of what was created."),
});

export const violationSchema = z
  .object({
    code: z.string().describe("Stable code to branch on: denied_by_reviewer, expired, cancelled, or the policy's own code."),
    mode: z.enum(SAFETY_MODES).describe("Your agent's safety mode."),
    requiredMode: z.enum(SAFETY_MODES).optional().describe("The safety mode the action needs."),
    risk: z.enum(RISK_TIERS),
    rule: z.string().optional().describe("The policy rule that decided, when one did."),
    reason: z.string().describe("Why the action is not allowed, e.g. the reviewer's reason."),
    suggestion: z.string().optional().describe("What to do instead."),
  })
  .describe("Present when the action is not allowed (isError: true).");

export const toolErrorSchema = z
  .object({
    code: z.string().describe("BAD_REQUEST, NOT_FOUND, CONFLICT, FORBIDDEN, PRECONDITION_FAILED, INTERNAL…"),
    message: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .describe("Present, alone, when the call failed (isError: true): nothing was changed.");

const decisionOut = z.object({
  outcome: z.enum(["approved", "denied", "expired", "cancelled"]),
  by: z.string(),
  channel: z.string(),
  comment: z.string().nullable(),
  reason: z.string().nullable(),
  modified: z.boolean().describe("True when the reviewer changed your arguments: execute finalArguments."),
  decidedAt: z.string(),
});

const executionOut = z.object({
  status: z.string(),
  claimedAt: z.string(),
  outcome: z.string().nullable(),
  detail: z.string().nullable(),
  completedAt: z.string().nullable(),
});

/**
 * The request as a tool result. Every field is optional in the schema only
 * because an SDK client validates structuredContent even on error results,
 * and a failed call carries `error` alone; a request result has them all.
 */
export const requestOutputSchema = z
  .object({
    id: z.string(),
    status: z.enum(APPROVAL_STATUSES),
    verdict: z.enum(["allow", "deny", "wait"]).describe("allow: go ahead with finalArguments. deny: do not perform the action. wait: not decided yet."),
    tool: z.string(),
    risk: z.enum(RISK_TIERS),
    riskReasons: z.array(z.string()),
    policy: z.object({ effect: z.string(), reason: z.string() }),
    createdAt: z.string(),
    expiresAt: z.string().describe("Deadline: an undecided request is denied (expired) at this instant."),
    url: z.string().describe("The request's page in the Countersign dashboard; share it with the user."),
    finalArguments: z.record(z.string(), z.unknown()).nullable().describe("When allowed: the arguments to execute (the reviewer may have changed them)."),
    executionToken: z.string().nullable().describe("When allowed: single-use token for claim_execution."),
    executionTokenExpiresAt: z.string().nullable(),
    decision: decisionOut.nullable(),
    execution: executionOut.nullable(),
    next: z.string().describe("What to do now."),
  })
  .partial()
  .extend({ violation: violationSchema.optional(), error: toolErrorSchema.optional() });

export const checkOutputSchema = z
  .object({
    verdict: z.enum(["allow", "deny", "require_approval"]).describe("What submitting this action now would get."),
    reason: z.string(),
    risk: z.enum(RISK_TIERS),
    riskReasons: z.array(z.string()),
    requiredMode: z.enum(SAFETY_MODES),
    agentMode: z.enum(SAFETY_MODES),
    violation: violationSchema.nullable(),
  })
  .partial()
  .extend({ error: toolErrorSchema.optional() });
