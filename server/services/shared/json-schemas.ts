import { z } from "zod";
import type { JsonObject, JsonValue } from "../../domain/json/canonical";
import { byteLengthOfJson, inspectJson } from "../../domain/json/inspect";

export const MAX_JSON_DEPTH = 32;
export const MAX_ARGUMENTS_BYTES = 64 * 1024;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Any JSON value, checked without recursion and capped in depth. */
export function jsonValueSchema(label: string, maxBytes?: number) {
  return z.custom<JsonValue>(() => true).superRefine((v, ctx) => checkJson(v, label, ctx, maxBytes));
}

/** A JSON object, depth ≤ 32, serialized size capped. Messages name the limit. */
export function jsonObjectSchema(label: string, maxBytes: number = MAX_ARGUMENTS_BYTES) {
  return z
    .custom<JsonObject>((v) => isPlainObject(v), { error: `${label} must be a JSON object` })
    .superRefine((v, ctx) => checkJson(v, label, ctx, maxBytes));
}

function checkJson(v: unknown, label: string, ctx: z.RefinementCtx, maxBytes: number | undefined): void {
  const r = inspectJson(v, MAX_JSON_DEPTH);
  if (!r.ok) {
    ctx.addIssue({
      code: "custom",
      message:
        r.problem === "too_deep"
          ? `${label} is nested deeper than the limit of ${r.limit} levels`
          : `${label} is not plain JSON at ${r.path}`,
    });
    return;
  }
  if (maxBytes !== undefined) {
    const bytes = byteLengthOfJson(v);
    if (bytes > maxBytes) {
      ctx.addIssue({ code: "custom", message: `${label} is ${bytes} bytes serialized; the limit is ${maxBytes} bytes (${maxBytes / 1024} KiB)` });
    }
  }
}
