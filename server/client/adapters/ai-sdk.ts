import type { CountersignClient } from "../client.js";
import { executeApproved, obtainApproval, type GuardOptions } from "../guard.js";
import type { JsonObject } from "../types.js";
import { jsonSchemaOf, validatorOf } from "./schema.js";

/*
 * Vercel AI SDK (`ai` ≥ 5): wraps a `tool({ description, inputSchema, execute })`
 * so its execute only runs once Countersign approved the call, and then with
 * the approved arguments. Typed by shape only: no runtime dependency on `ai`.
 */

type AiToolLike = { inputSchema?: unknown; execute?: (input: never, options: never) => unknown };
type InputOf<T> = T extends { execute?: (input: infer I, options: never) => unknown } ? (I extends object ? I : never) : never;
/** The SDK's ToolExecutionOptions, as far as this wrapper reads them. */
type ExecuteOptionsLike = { abortSignal?: AbortSignal } | undefined;

export type CountersignToolOptions<A> = Omit<GuardOptions<A>, "parseArguments"> & {
  /**
   * Check the reviewer's final arguments against the tool's inputSchema
   * before execute sees them (default true). The server checks them against
   * `argumentsSchema`, which is derived from the inputSchema when it can be.
   */
  validateFinalArguments?: boolean;
};

/**
 * The same tool, with an execute that asks Countersign first. A denial,
 * expiry or cancellation throws ApprovalDeniedError, which the AI SDK hands
 * to the model as the tool's error (its message carries the reviewer's
 * reason). Tools that stream results (execute returning an AsyncIterable)
 * report success when the iterable is handed back, not when it ends.
 */
export function countersignTool<T extends AiToolLike>(client: CountersignClient, tool: T, options: CountersignToolOptions<InputOf<T>>): T {
  const execute = tool.execute as ((input: InputOf<T>, options: ExecuteOptionsLike) => unknown) | undefined;
  if (typeof execute !== "function") {
    throw new TypeError(`countersignTool(${options.tool}): the tool has no execute function, so there is nothing to guard`);
  }
  const { validateFinalArguments = true, ...guardOptions } = options;
  const validate = validateFinalArguments ? validatorOf(tool.inputSchema) : null;
  let schema: Promise<JsonObject | undefined> | undefined;

  const guardedExecute = async (input: InputOf<T>, execOptions: ExecuteOptionsLike) => {
    schema ??= options.argumentsSchema ? Promise.resolve(options.argumentsSchema) : jsonSchemaOf(tool.inputSchema);
    const argumentsSchema = await schema;
    const approved = await obtainApproval(
      client,
      {
        ...guardOptions,
        ...(argumentsSchema ? { argumentsSchema } : {}),
        parseArguments: validate ? async (final) => (await validate(final, options.tool)) as InputOf<T> : undefined,
      },
      input,
      execOptions?.abortSignal,
    );
    return executeApproved(client, approved, (args) => execute(args, execOptions), options);
  };
  return { ...tool, execute: guardedExecute };
}
