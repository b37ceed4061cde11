/**
 * Countersign's TypeScript client: ask a human before an agent acts.
 *
 *   import { createClient } from "countersign/client";
 *   const cs = createClient({ baseUrl: process.env.COUNTERSIGN_URL, apiKey: process.env.COUNTERSIGN_API_KEY });
 *   const deleteRepo = cs.guard(realDeleteRepo, { tool: "github.delete_repository" });
 *
 * It runs in agents' processes: plain fetch, no dependencies. The adapters
 * use only the shapes of the frameworks they serve, never their code.
 */
export { createClient, MAX_POLL_MS, DEADLINE_GRACE_MS } from "./client.js";
export type { ClientOptions, CountersignClient, WaitOptions, ClaimOptions } from "./client.js";
export type { FetchLike } from "./http.js";
export { CountersignError, ApprovalDeniedError } from "./errors.js";
export type { ErrorIssue } from "./errors.js";
export type { GuardOptions } from "./guard.js";
export type * from "./types.js";
export { countersignTool } from "./adapters/ai-sdk.js";
export type { CountersignToolOptions } from "./adapters/ai-sdk.js";
export { countersignApproval, resolveInterruptions } from "./adapters/openai-agents.js";
export type { CountersignApproval, ResolvedInterruptions } from "./adapters/openai-agents.js";
export { decideClaudeCodeHook, READ_ONLY_CLAUDE_CODE_TOOLS } from "./claude-code-hook.js";
export type { ClaudeCodeHookInput, ClaudeCodeHookOutput, ClaudeCodeHookConfig } from "./claude-code-hook.js";
