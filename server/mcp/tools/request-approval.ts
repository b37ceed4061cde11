import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { ServiceContext } from "../../services/context";
import { submitRequest } from "../../services/approval/submit";
import { waitForRequest } from "../../services/approval/wait";
import { requestApprovalInputSchema, requestOutputSchema } from "../schemas";
import { guarded, requestResult } from "../results";

const DESCRIPTION = `Ask a human for approval BEFORE performing a risky action (deleting, migrating, deploying, paying, changing access or config, anything irreversible). Describe the exact tool call you intend to make: tool name, arguments, MCP annotations, a one-line summary, your reason and ideally a preview (dry run) of what would change.

Returns the request with a verdict:
- "allow": go ahead, but ONLY with finalArguments (a reviewer may have changed them). First call claim_execution with executionToken, then perform the action, then call report_outcome.
- "wait": a human has not decided yet. Do NOT perform the action; call wait_for_approval with the id. Share url with the user if they should decide.
- "deny" (an error result): do NOT perform the action. violation.code says why (denied_by_reviewer, expired, cancelled, or a policy code) and violation.reason carries the reviewer's words.

Read-only actions may be allowed at once by policy. Set waitSeconds (up to 55) to wait for the decision in this call. Undecided requests are denied at their deadline (timeoutSeconds, default 300). Use idempotencyKey when retrying so you do not create duplicates.`;

export function registerRequestApproval(server: McpServer, ctx: ServiceContext): void {
  server.registerTool(
    "request_approval",
    {
      title: "Request human approval for an action",
      description: DESCRIPTION,
      inputSchema: requestApprovalInputSchema,
      outputSchema: requestOutputSchema,
      // Creates a request (a new one per call unless idempotencyKey repeats); changes nothing else.
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    ({ waitSeconds, ...input }, extra) =>
      guarded(async () => {
        let view = await submitRequest({ ctx, input });
        if (view.status === "pending" && waitSeconds > 0) {
          view = await waitForRequest({ ctx, input: { id: view.id, timeoutMs: waitSeconds * 1000 }, signal: extra.signal });
        }
        return requestResult(ctx, view);
      }),
  );
}
