import type { App } from "./fixtures";

type View = {
  id: string;
  status: string;
  verdict: string;
  kind?: string;
  /** A question's answer, once answered. */
  answer?: string | null;
  question?: { message: string; subject: string | null; answerOptionName: string | null } | null;
  decision: { by: string; channel: string; comment: string | null; reason: string | null; finalArguments: unknown; modified: boolean } | null;
};

async function call(app: App, key: string, path: string, input: unknown, method: "GET" | "POST"): Promise<View> {
  const url = method === "GET" ? `${app.url}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}` : `${app.url}/api/trpc/${path}`;
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(method === "POST" ? { "content-type": "application/json" } : {}) },
    body: method === "POST" ? JSON.stringify(input) : undefined,
  });
  const body = (await res.json()) as { result?: { data: View }; error?: unknown };
  if (!body.result) throw new Error(`${path} failed: ${res.status} ${JSON.stringify(body)}`);
  return body.result.data;
}

/** An agent submitting through the plain-JSON API, as any agent would. */
export const submit = (app: App, key: string, body: Record<string, unknown>) => call(app, key, "agent.submit", body, "POST");

/** An agent asking a person a question (HumanLayer's contact request) through the plain-JSON API. */
export const ask = (app: App, key: string, body: Record<string, unknown>) => call(app, key, "agent.ask", body, "POST");

/** The request as its agent sees it now, without waiting. */
export const getRequest = (app: App, key: string, id: string) => call(app, key, "agent.get", { id }, "GET");

/** An agent blocked in the long-poll until the request leaves `pending`. */
export const waitForDecision = (app: App, key: string, id: string) => call(app, key, "agent.wait", { id, timeoutMs: 45_000 }, "GET");

export function mediumRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    tool: "k8s.scale_deployment",
    arguments: { deployment: "checkout", replicas: 3 },
    annotations: { destructiveHint: false },
    summary: "Scale checkout to 3 replicas",
    reason: "Traffic is up 40% since the campaign started",
    preview: { changes: [{ path: "spec.replicas", from: 2, to: 3 }], impact: "one more pod", reversible: true, rollback: "scale back to 2" },
    timeoutSeconds: 300,
    ...overrides,
  };
}
