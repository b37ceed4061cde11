import type { JsonObject } from "../types.js";

/*
 * Framework schemas, read by shape: Standard Schema (`~standard`, which zod ≥ 3.24,
 * valibot and arktype implement, with `~standard.jsonSchema` in zod 4), the AI
 * SDK's own `jsonSchema()`/`zodSchema()` objects (`{ jsonSchema, validate? }`),
 * and its lazy schemas (a function returning one of those).
 */

type StandardProps = {
  validate?: (value: unknown) => unknown;
  jsonSchema?: { input?: (options: { target: string }) => unknown };
};

function resolveLazy(schema: unknown): unknown {
  // An AI SDK lazySchema is a function that returns the schema; a zod schema is not a function.
  return typeof schema === "function" && !("~standard" in schema) ? (schema as () => unknown)() : schema;
}

function standardOf(schema: unknown): StandardProps | null {
  if (typeof schema !== "object" && typeof schema !== "function") return null;
  const props: unknown = schema === null ? undefined : (schema as { "~standard"?: unknown })["~standard"];
  return typeof props === "object" && props !== null ? props : null;
}

/**
 * The JSON Schema (draft-07, which the server's validator speaks) of a tool's
 * input, when the schema can say; undefined otherwise.
 */
export async function jsonSchemaOf(schema: unknown): Promise<JsonObject | undefined> {
  try {
    const s = resolveLazy(schema);
    const standard = standardOf(s);
    let json: unknown;
    if (typeof standard?.jsonSchema?.input === "function") json = standard.jsonSchema.input({ target: "draft-07" });
    else if (typeof s === "object" && s !== null && "jsonSchema" in s) json = await s.jsonSchema;
    if (typeof json !== "object" || json === null || Array.isArray(json)) return undefined;
    // The draft is the server's to choose; a $schema it does not know would make it refuse the request.
    const { $schema: _ignored, ...rest } = json as Record<string, unknown>;
    return JSON.parse(JSON.stringify(rest)) as JsonObject;
  } catch {
    return undefined;
  }
}

export type FinalArgumentsValidator = (value: JsonObject, tool: string) => Promise<unknown>;

/** Validates (and parses) final arguments with the tool's schema; passes them through when the schema cannot validate. */
export function validatorOf(schema: unknown): FinalArgumentsValidator {
  return async (value, tool) => {
    const s = resolveLazy(schema);
    const standard = standardOf(s);
    if (typeof standard?.validate === "function") {
      const r = (await standard.validate(value)) as { value?: unknown; issues?: ReadonlyArray<{ message: string; path?: ReadonlyArray<unknown> }> };
      if (r.issues) throw invalid(tool, r.issues.map((i) => `${(i.path ?? []).map((p) => (typeof p === "object" && p !== null && "key" in p ? String(p.key) : String(p))).join(".") || "input"}: ${i.message}`));
      return r.value;
    }
    const validate = typeof s === "object" && s !== null ? (s as { validate?: (v: unknown) => unknown }).validate : undefined;
    if (typeof validate === "function") {
      const r = (await validate(value)) as { success: boolean; value?: unknown; error?: unknown };
      if (!r.success) throw invalid(tool, [r.error instanceof Error ? r.error.message : String(r.error)]);
      return r.value;
    }
    return value;
  };
}

function invalid(tool: string, problems: string[]): Error {
  return new TypeError(`Countersign approved ${tool} with arguments its input schema rejects (${problems.join("; ")}); not executing`);
}
