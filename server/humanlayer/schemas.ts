import { z } from "zod";
import { jsonObjectSchema } from "../services/shared/json-schemas";
import { MAX_RESPONSE_OPTIONS, responseOptionSchema } from "../services/approval/schemas";

/**
 * HumanLayer's request bodies, field names as its SDKs send them. Optional
 * fields accept null as well as absence (the Python SDK sends None as null);
 * unknown fields are ignored, so newer SDK versions keep working.
 */

/** Its prefixed form must fit an idempotency key (200 characters); it is also a path segment. */
export const callIdSchema = z
  .string()
  .min(1, { error: "call_id must not be empty" })
  .max(150, { error: "call_id must be at most 150 characters" })
  .regex(/^[^\s/?#\\]+$/, { error: "call_id may not contain whitespace, /, \\, ? or #" });

/** The function's name becomes the request's tool name, so the tool-name rule applies (agent.submit checks it again). */
const fnSchema = z
  .string()
  .min(1, { error: "fn must not be empty (an anonymous function has no name to show reviewers)" })
  .max(200)
  .regex(/^[A-Za-z0-9_.:/-]+$/, { error: "fn may contain only letters, digits and _ . : / - (it becomes the tool name)" });

const runIdSchema = z.string().min(1, { error: "run_id must not be empty" }).max(200, { error: "run_id must be at most 200 characters" });

/** Contact channels and state are kept and handed back as they came; Countersign routes nothing by them. */
const opaque = (label: string) => jsonObjectSchema(label, 16 * 1024).nullish();

const responseOptionsSchema = (label: string) =>
  z
    .array(
      z.looseObject({
        name: responseOptionSchema.shape.name,
        title: z.string().max(200).nullish(),
        description: z.string().max(2000).nullish(),
        prompt_fill: z.string().max(20_000).nullish(),
        interactive: z.boolean().nullish(),
      }),
    )
    .max(MAX_RESPONSE_OPTIONS, { error: `${label}: at most ${MAX_RESPONSE_OPTIONS} options` })
    .refine((options) => new Set(options.map((o) => o.name)).size === options.length, { error: `${label}: option names must be unique` })
    .nullish();

export const functionCallBodySchema = z.object({
  run_id: runIdSchema,
  call_id: callIdSchema,
  spec: z.object({
    fn: fnSchema,
    kwargs: jsonObjectSchema("spec.kwargs"),
    channel: opaque("spec.channel"),
    reject_options: responseOptionsSchema("spec.reject_options"),
    state: opaque("spec.state"),
  }),
});
export type FunctionCallBody = z.infer<typeof functionCallBodySchema>;

export const contactRequestBodySchema = z.object({
  run_id: runIdSchema,
  call_id: callIdSchema,
  spec: z.object({
    msg: z.string().min(1, { error: "spec.msg must not be empty" }).max(20_000),
    subject: z.string().max(500).nullish(),
    channel: opaque("spec.channel"),
    response_options: responseOptionsSchema("spec.response_options"),
    state: opaque("spec.state"),
  }),
});
export type ContactRequestBody = z.infer<typeof contactRequestBodySchema>;
