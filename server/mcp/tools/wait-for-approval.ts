import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { ServiceContext } from "../../services/context";
import { waitForRequest } from "../../services/approval/wait";
import { requestOutputSchema, waitForApprovalInputSchema } from "../schemas";
import { guarded, requestResult } from "../results";

const DESCRIPTION = `Wait for a human's decision on one of your approval requests. Returns the moment it is decided, or after waitSeconds (default and maximum 55) with status "pending" and verdict "wait" — then call this tool again; do not perform the action while waiting. A request nobody decides is denied at its deadline (expiresAt) and comes back as an error result with violation.code "expired". On "allow", perform the action with finalArguments after claim_execution; on "deny" (error result), do not perform it and read violation.reason.`;

export function registerWaitForApproval(server: McpServer, ctx: ServiceContext): void {
  server.registerTool(
    "wait_for_approval",
    {
      title: "Wait for an approval decision",
      description: DESCRIPTION,
      inputSchema: waitForApprovalInputSchema,
      outputSchema: requestOutputSchema,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    ({ id, waitSeconds }, extra) =>
      guarded(async () => requestResult(ctx, await waitForRequest({ ctx, input: { id, timeoutMs: waitSeconds * 1000 }, signal: extra.signal }))),
  );
}
