import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import type { JsonObject, JsonValue } from "../../domain/json/canonical";

// addUsedSchema: false — agent-supplied schemas must not register their $id on the shared instance.
const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: true, addUsedSchema: false });
const cache = new Map<string, ValidateFunction>();

export function compileArgumentsSchema(schema: JsonObject): { ok: true; validate: ValidateFunction } | { ok: false; error: string } {
  const key = JSON.stringify(schema);
  const hit = cache.get(key);
  if (hit) return { ok: true, validate: hit };
  try {
    const validate = ajv.compile(schema);
    // Ajv keeps every compiled schema in a Map keyed by the schema object: drop it, or
    // each new agent-supplied schema stays in memory for the life of the process.
    ajv.removeSchema(schema);
    // An $async schema compiles to a validator returning a Promise: truthy, i.e. always
    // "valid", and its rejection is unhandled (it kills the process). Refuse it.
    if ((validate as { $async?: boolean }).$async) return { ok: false, error: "$async schemas are not supported" };
    if (cache.size > 500) cache.clear();
    cache.set(key, validate);
    return { ok: true, validate };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

export type SchemaProblem = { path: string; message: string };

/** Validates arguments against an agent-supplied JSON Schema; problems name the JSON pointer. */
export function checkArguments(schema: JsonObject, value: JsonValue): SchemaProblem[] {
  const compiled = compileArgumentsSchema(schema);
  if (!compiled.ok) return [{ path: "", message: `argumentsSchema is unusable: ${compiled.error}` }];
  if (compiled.validate(value)) return [];
  return (compiled.validate.errors ?? []).map((e: ErrorObject) => ({ path: e.instancePath || "/", message: e.message ?? "invalid" }));
}
