import type { CountersignClient } from "./client.js";
import { ApprovalDeniedError, CountersignError } from "./errors.js";
import { obtainApproval, type GuardOptions } from "./guard.js";
import type { JsonObject, JsonValue, Preview, ToolAnnotations } from "./types.js";

/*
 * Claude Code's PreToolUse hook, as a pure step: the hook's JSON in, the
 * hook's JSON out, given a client. The `countersign hook claude-code` command
 * (server/cli/hook.ts) only does the stdin/stdout/exit-code part.
 */

/** What Claude Code writes on the hook's stdin for PreToolUse. */
export type ClaudeCodeHookInput = {
  session_id?: string;
  transcript_path?: string;
  cwd?: string;
  permission_mode?: string;
  hook_event_name: string;
  tool_name: string;
  tool_input: JsonObject;
  tool_use_id?: string;
};

/** What the hook prints for Claude Code. `updatedInput` replaces the tool's input (a reviewer's modification). */
export type ClaudeCodeHookOutput = {
  hookSpecificOutput: {
    hookEventName: "PreToolUse";
    permissionDecision: "allow" | "deny";
    permissionDecisionReason: string;
    updatedInput?: JsonObject;
  };
};

export type ClaudeCodeHookConfig = {
  /** How long reviewers have (COUNTERSIGN_TIMEOUT_SECONDS); the server's default when absent. */
  timeoutSeconds?: number;
  signal?: AbortSignal;
  onPending?: (url: string) => void;
};

/** Auto-approvable under the default policy: they only read the workspace. */
export const READ_ONLY_CLAUDE_CODE_TOOLS = ["Read", "Glob", "Grep", "LS", "NotebookRead"] as const;
/** They only read, but from (and so also to) the network: a URL can carry data out, so they are not marked read-only. */
const WEB_TOOLS = new Set(["WebFetch", "WebSearch"]);

export type HookResult = { output: ClaudeCodeHookOutput; failed: false } | { output: ClaudeCodeHookOutput; failed: true; error: string };

/**
 * Submits the tool call to Countersign, waits for the decision and answers
 * allow (with `updatedInput` when the reviewer changed the arguments) or
 * deny with the reason. Anything that goes wrong is a deny: `failed` marks
 * those, so the command can also block by exit code.
 */
export async function decideClaudeCodeHook(client: CountersignClient, stdin: string, config: ClaudeCodeHookConfig = {}): Promise<HookResult> {
  const parsed = parseHookInput(stdin);
  if (!parsed.ok) return failure(parsed.error);
  const input = parsed.input;
  const options: GuardOptions<JsonObject> = {
    ...toGuardOptions(input),
    ...(config.timeoutSeconds === undefined ? {} : { timeoutSeconds: config.timeoutSeconds }),
    onPending: (view) => config.onPending?.(view.url),
  };
  try {
    const { view, approvedArguments } = await obtainApproval(client, options, input.tool_input, config.signal);
    await client.claim(view.id, view.executionToken ?? "", { arguments: approvedArguments });
    const by = view.decision?.by ?? "policy";
    const comment = view.decision?.comment ? `: ${view.decision.comment}` : "";
    if (view.decision?.modified) {
      return { failed: false, output: decision("allow", `Countersign: approved with changed arguments by ${by}${comment} (${view.url})`, approvedArguments) };
    }
    return { failed: false, output: decision("allow", `Countersign: approved by ${by}${comment} (${view.url})`) };
  } catch (e) {
    if (e instanceof ApprovalDeniedError) return { failed: false, output: decision("deny", e.message) };
    if (config.signal?.aborted) return failure("the hook was stopped before a decision");
    if (e instanceof CountersignError) return failure(`${e.message}${e.code === "NETWORK_ERROR" ? "" : ` [${e.code}]`}`);
    return failure(e instanceof Error ? e.message : String(e));
  }
}

export function failure(error: string): HookResult {
  return { failed: true, error, output: decision("deny", `Countersign could not approve this tool call, so it is blocked: ${error}`) };
}

function decision(permissionDecision: "allow" | "deny", reason: string, updatedInput?: JsonObject): ClaudeCodeHookOutput {
  return {
    hookSpecificOutput: {
      hookEventName: "PreToolUse",
      permissionDecision,
      permissionDecisionReason: reason,
      ...(updatedInput ? { updatedInput } : {}),
    },
  };
}

export function parseHookInput(text: string): { ok: true; input: ClaudeCodeHookInput } | { ok: false; error: string } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { ok: false, error: `stdin is not the hook's JSON (${text.trim() ? `starts with ${JSON.stringify(text.trim().slice(0, 40))}` : "it is empty"})` };
  }
  if (typeof v !== "object" || v === null || Array.isArray(v)) return { ok: false, error: "stdin is not a JSON object" };
  const o = v as Record<string, unknown>;
  if (o.hook_event_name !== "PreToolUse") return { ok: false, error: `this hook handles PreToolUse, not ${JSON.stringify(o.hook_event_name ?? null)}` };
  if (typeof o.tool_name !== "string" || o.tool_name === "") return { ok: false, error: "the hook input has no tool_name" };
  const toolInput = o.tool_input ?? {};
  if (typeof toolInput !== "object" || toolInput === null || Array.isArray(toolInput)) return { ok: false, error: "tool_input is not a JSON object" };
  const str = (k: string) => {
    const v = o[k];
    return typeof v === "string" && v !== "" ? v : undefined;
  };
  return {
    ok: true,
    input: {
      hook_event_name: "PreToolUse",
      tool_name: o.tool_name,
      tool_input: toolInput as JsonObject,
      session_id: str("session_id"),
      transcript_path: str("transcript_path"),
      cwd: str("cwd"),
      permission_mode: str("permission_mode"),
      tool_use_id: str("tool_use_id"),
    },
  };
}

/** `claude-code.<tool_name>`, with any character a tool name may not hold replaced. */
export function countersignToolName(toolName: string): string {
  return `claude-code.${toolName.replace(/[^A-Za-z0-9_.:/-]/g, "_")}`.slice(0, 200);
}

export function annotationsFor(toolName: string): ToolAnnotations | undefined {
  if ((READ_ONLY_CLAUDE_CODE_TOOLS as readonly string[]).includes(toolName)) return { readOnlyHint: true };
  if (WEB_TOOLS.has(toolName)) return { readOnlyHint: false, destructiveHint: false, openWorldHint: true };
  return undefined;
}

export function toGuardOptions(input: ClaudeCodeHookInput): GuardOptions<JsonObject> {
  const ti = input.tool_input;
  const text = (k: string) => {
    const v = ti[k];
    return typeof v === "string" ? v : undefined;
  };
  const file = text("file_path") ?? text("notebook_path") ?? text("path");
  const command = text("command");
  const target = command ?? file ?? text("url") ?? text("pattern") ?? text("query");
  const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();
  const annotations = annotationsFor(input.tool_name);
  const preview = previewFor(input);
  const where = [input.cwd ? `in ${input.cwd}` : null, input.permission_mode ? `permission mode ${input.permission_mode}` : null].filter(Boolean).join(", ");
  return {
    tool: countersignToolName(input.tool_name),
    summary: oneLine(`${input.tool_name}${target ? `: ${target}` : ""}`).slice(0, 500),
    reason: [text("description"), `Claude Code${where ? ` (${where})` : ""}`].filter(Boolean).join(" — "),
    ...(annotations ? { annotations } : {}),
    ...(preview ? { preview: () => preview } : {}),
    ...(input.session_id ? { session: input.session_id.slice(0, 200) } : {}),
    ...(file ? { resources: [file.slice(0, 500)] } : {}),
    ...(input.tool_use_id ? { idempotencyKey: () => (input.tool_use_id ?? "").slice(0, 200) } : {}),
  };
}

/** What the reviewer should see changing: the edit's before/after, the file written, the command run. */
function previewFor(input: ClaudeCodeHookInput): Preview | undefined {
  const ti = input.tool_input;
  // Big enough to review, small enough to stay under the server's body limit.
  const clip = (v: unknown, max = 50_000) => (typeof v === "string" && v.length > max ? `${v.slice(0, max)}\n… (${v.length - max} more characters)` : ((v ?? null) as JsonValue));
  const file = typeof ti.file_path === "string" ? ti.file_path : undefined;
  switch (input.tool_name) {
    case "Edit":
      return file ? { changes: [{ path: file, from: clip(ti.old_string), to: clip(ti.new_string) }] } : undefined;
    case "Write":
      return file ? { changes: [{ path: file, to: clip(ti.content) }] } : undefined;
    case "Bash":
      return typeof ti.command === "string" ? { impact: clip(`Runs a shell command${input.cwd ? ` in ${input.cwd}` : ""}: ${ti.command}`, 19_000) as string } : undefined;
    default:
      return undefined;
  }
}
