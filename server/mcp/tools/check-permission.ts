import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { ServiceContext } from "../../services/context";
import { checkPermission } from "../../services/approval/check";
import { checkOutputSchema, checkPermissionInputSchema } from "../schemas";
import { guarded, toolResult } from "../results";

const DESCRIPTION = `Dry-run the approval policy for an action you are considering, without creating a request or notifying anyone. verdict: "allow" (would be approved automatically, e.g. read-only actions), "require_approval" (a human must approve: call request_approval), or "deny" (policy forbids it; violation says why and what to do instead). Also returns the risk tier, the safety mode the action needs and your agent's mode. Use it to plan; it grants nothing — you still call request_approval before acting on anything that is not allowed.`;

export function registerCheckPermission(server: McpServer, ctx: ServiceContext): void {
  server.registerTool(
    "check_permission",
    {
      title: "Check what policy would say",
      description: DESCRIPTION,
      inputSchema: checkPermissionInputSchema,
      outputSchema: checkOutputSchema,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    (input) => guarded(async () => toolResult({ ...(await checkPermission({ ctx, input })) })),
  );
}
