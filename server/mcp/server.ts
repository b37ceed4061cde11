import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import pkg from "../../package.json" with { type: "json" };
import type { ServiceContext } from "../services/context";
import { registerRequestApproval } from "./tools/request-approval";
import { registerGetApproval } from "./tools/get-approval";
import { registerWaitForApproval } from "./tools/wait-for-approval";
import { registerCancelApproval } from "./tools/cancel-approval";
import { registerCheckPermission } from "./tools/check-permission";
import { registerClaimExecution } from "./tools/claim-execution";
import { registerReportOutcome } from "./tools/report-outcome";

const INSTRUCTIONS = `Countersign puts a human in the loop for risky actions. Before you perform an action that writes, deletes, deploys, pays or changes access, call request_approval with the exact tool call and a preview of what it would change, and act only on verdict "allow", with finalArguments: claim_execution, perform the action, report_outcome. Never perform an action that was denied, expired or cancelled. check_permission tells you in advance whether a human is needed.`;

/** An MCP server whose tools act as the authenticated agent behind `ctx`; built per HTTP request. */
export function createMcpServer(ctx: ServiceContext): McpServer {
  const server = new McpServer({ name: "countersign", version: pkg.version }, { instructions: INSTRUCTIONS });
  registerRequestApproval(server, ctx);
  registerGetApproval(server, ctx);
  registerWaitForApproval(server, ctx);
  registerCancelApproval(server, ctx);
  registerCheckPermission(server, ctx);
  registerClaimExecution(server, ctx);
  registerReportOutcome(server, ctx);
  return server;
}
