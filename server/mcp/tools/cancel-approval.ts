import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { ServiceContext } from "../../services/context";
import { cancelRequest } from "../../services/approval/cancel";
import { cancelApprovalInputSchema, requestOutputSchema } from "../schemas";
import { guarded, requestFieldsOf, toolResult } from "../results";

const DESCRIPTION = `Withdraw one of your pending approval requests when you no longer need the action (the plan changed, the user said stop). Reviewers stop seeing it; it can not be approved afterwards. Fails with a CONFLICT error if the request was already decided, expired or cancelled — then read its state with get_approval. Cancelling only withdraws your proposal; it does not touch the target of the action.`;

export function registerCancelApproval(server: McpServer, ctx: ServiceContext): void {
  server.registerTool(
    "cancel_approval",
    {
      title: "Cancel an approval request",
      description: DESCRIPTION,
      inputSchema: cancelApprovalInputSchema,
      outputSchema: requestOutputSchema,
      // Withdraws a proposal, nothing in the world; a repeat is refused and changes nothing.
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    // The agent asked for this: a successful cancel is not an error result.
    (input) => guarded(async () => toolResult(requestFieldsOf(await cancelRequest({ ctx, input })))),
  );
}
