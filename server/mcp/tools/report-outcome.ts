import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { ServiceContext } from "../../services/context";
import { reportOutcome } from "../../services/approval/report-outcome";
import { reportOutcomeInputMcpSchema, requestOutputSchema } from "../schemas";
import { guarded, requestResult } from "../results";

const DESCRIPTION = `Report how an approved action went, after performing it: outcome "succeeded" or "failed", with a short detail (the error, or what was created). The execution must have been claimed first with claim_execution; reporting without a claim fails with CONFLICT. Report once per request; it is recorded in the audit log the reviewers read.`;

export function registerReportOutcome(server: McpServer, ctx: ServiceContext): void {
  server.registerTool(
    "report_outcome",
    {
      title: "Report the outcome of an executed action",
      description: DESCRIPTION,
      inputSchema: reportOutcomeInputMcpSchema,
      outputSchema: requestOutputSchema,
      // Recorded once; a repeat is refused and changes nothing.
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    (input) => guarded(async () => requestResult(ctx, await reportOutcome({ ctx, input }))),
  );
}
