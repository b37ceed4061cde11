import type { JsonObject, JsonValue } from "../../domain/json/canonical";
import { restoreRedacted } from "../../domain/redact/redact";
import { diffJson } from "../../domain/json/diff";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { checkArguments, type SchemaProblem } from "./arguments-schema";
import { validateArgumentsInputSchema, type ValidateArgumentsInput } from "./schemas";

export type ArgumentsCheck = {
  /** Where the arguments break the request's argumentsSchema (JSON pointers); empty when they satisfy it. */
  problems: SchemaProblem[];
  /** Paths (`$.a.b`) that differ from the arguments the reviewer was shown. */
  changedPaths: string[];
  /** Whether the agent supplied an argumentsSchema at all. */
  hasSchema: boolean;
};

/**
 * What `decide` would say about modified arguments, without deciding. The
 * dashboard calls it as the reviewer types: its CSP forbids the `eval` that
 * ajv needs, so schemas are checked here.
 */
export async function validateArguments({ ctx, input }: { ctx: ServiceContext; input: ValidateArgumentsInput }): Promise<ArgumentsCheck> {
  const { id, finalArguments } = validateArgumentsInputSchema.parse(input);
  const a = await ctx.store.getRequest(id);
  if (!a) throw notFound("request", id);
  const r = a.request;
  const shown = r.argumentsRedacted as JsonValue;
  // Checked as decide checks it: untouched "[REDACTED]" values stand for the original secrets.
  const restored = restoreRedacted(r.arguments as JsonValue, shown, finalArguments);
  const schema = r.argumentsSchema as JsonObject | null;
  return {
    problems: schema ? checkArguments(schema, restored) : [],
    changedPaths: diffJson(shown, finalArguments).map((c) => c.path),
    hasSchema: schema !== null,
  };
}
