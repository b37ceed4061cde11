import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { ServiceContext } from "../../services/context";
import { claimExecution } from "../../services/approval/claim";
import { claimExecutionInputSchema, requestOutputSchema } from "../schemas";
import { guarded, requestResult } from "../results";

const DESCRIPTION = `Claim an approved request right before you perform the action, with its single-use executionToken and the arguments you are about to execute (they must equal finalArguments). Refused, and you must NOT perform the action, when: the token was already used, the token expired, the arguments differ from the approved ones, or — if the preview named a targetVersion — currentVersion shows the target changed since the reviewer looked (submit again with a fresh preview). After performing the action, call report_outcome.`;

export function registerClaimExecution(server: McpServer, ctx: ServiceContext): void {
  server.registerTool(
    "claim_execution",
    {
      title: "Claim an approved execution",
      description: DESCRIPTION,
      inputSchema: claimExecutionInputSchema,
      outputSchema: requestOutputSchema,
      // Consumes the token once; a repeat is refused and changes nothing.
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    (input) => guarded(async () => requestResult(ctx, await claimExecution({ ctx, input }))),
  );
}
