import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { ServiceContext } from "../../services/context";
import { getRequest } from "../../services/approval/get";
import { getApprovalInputSchema, requestOutputSchema } from "../schemas";
import { guarded, requestResult } from "../results";

const DESCRIPTION = `Read the current state of one of your approval requests, without waiting. verdict "allow" means perform the action with finalArguments (claim_execution first); "wait" means not decided yet (do not act; use wait_for_approval to block until it is); "deny" comes back as an error result with violation.code (denied_by_reviewer, expired, cancelled or a policy code) and violation.reason. You can only read requests made with your own API key.`;

export function registerGetApproval(server: McpServer, ctx: ServiceContext): void {
  server.registerTool(
    "get_approval",
    {
      title: "Get an approval request",
      description: DESCRIPTION,
      inputSchema: getApprovalInputSchema,
      outputSchema: requestOutputSchema,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    ({ id }) => guarded(async () => requestResult(ctx, await getRequest({ ctx, input: { id } }))),
  );
}
