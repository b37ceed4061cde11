import type { JsonObject } from "../../domain/json/canonical";
import { assessAction } from "../../domain/policy/assess";
import type { ServiceContext } from "../context";
import { badRequest } from "../errors";
import { submitInputSchema, type SubmitInput } from "./schemas";
import { compileArgumentsSchema } from "./arguments-schema";
import type { AgentRequestView } from "./view";
import { submittingAgent, writeNewRequest } from "./write-request";

/**
 * An agent proposes an action. Policy decides at once whether it needs a
 * human; either way the request, the verdict and any automatic decision are
 * written in one transaction before the agent hears back. `channelData` is
 * kept for the submitting channel and handed back to it unchanged.
 */
export async function submitRequest({ ctx, input, channelData }: { ctx: ServiceContext; input: SubmitInput; channelData?: JsonObject }): Promise<AgentRequestView> {
  const { actor, agent } = await submittingAgent(ctx, "action requests");
  const parsed = submitInputSchema.parse(input);
  if (parsed.argumentsSchema) {
    const compiled = compileArgumentsSchema(parsed.argumentsSchema);
    if (!compiled.ok) throw badRequest(`argumentsSchema is not a usable JSON Schema: ${compiled.error}`, { field: "argumentsSchema" });
  }

  const annotations = parsed.annotations ?? {};
  const { risk, riskReasons, verdict } = assessAction({ tool: parsed.tool, annotations, preview: parsed.preview ?? null }, agent.mode);
  return writeNewRequest(ctx, actor, agent, {
    kind: "action",
    tool: parsed.tool,
    arguments: parsed.arguments,
    annotations,
    summary: parsed.summary ?? null,
    reason: parsed.reason ?? null,
    preview: parsed.preview ?? null,
    argumentsSchema: parsed.argumentsSchema ?? null,
    session: parsed.session ?? null,
    resources: parsed.resources ?? null,
    callbackUrl: parsed.callbackUrl ?? null,
    idempotencyKey: parsed.idempotencyKey ?? null,
    body: parsed,
    channelData: channelData ?? null,
    timeoutSeconds: parsed.timeoutSeconds,
    risk,
    riskReasons,
    verdict,
    agentMode: agent.mode,
  });
}
