import { describe, expect, it } from "vitest";
import type { AgentRequestView, DecisionView } from "../services/approval/view";
import { contactRequestKey, functionCallKey, functionCallStatus, toAskInput, toFunctionCall, toHumanContact, toSubmitInput } from "./map";
import { contactRequestBodySchema, functionCallBodySchema } from "./schemas";

const CREATED = "2030-01-01T00:00:00.000Z";
const DECIDED = "2030-01-01T00:01:00.000Z";

function view(over: Partial<AgentRequestView> = {}): AgentRequestView {
  return {
    id: "0190f000-0000-7000-8000-000000000001",
    kind: "action",
    status: "pending",
    verdict: "wait",
    question: null,
    answer: null,
    tool: "send_email",
    risk: "high",
    riskReasons: [],
    policy: { effect: "require_approval", reason: "high-risk write needs a human" },
    createdAt: CREATED,
    expiresAt: "2030-01-01T00:05:00.000Z",
    argsHash: "h",
    previewDigest: null,
    decision: null,
    executionToken: null,
    executionTokenExpiresAt: null,
    execution: null,
    url: "http://localhost:3000/requests/0190f000-0000-7000-8000-000000000001",
    ...over,
  };
}

function decided(outcome: DecisionView["outcome"], over: Partial<DecisionView & { finalArguments: unknown }> = {}): AgentRequestView["decision"] {
  return {
    outcome,
    by: "alice@example.com",
    channel: "web",
    comment: null,
    reason: null,
    modified: false,
    decidedAt: DECIDED,
    finalArguments: null,
    finalArgsHash: null,
    ...over,
  } as AgentRequestView["decision"];
}

describe("function call status", () => {
  it("is undecided (approved null) while pending", () => {
    expect(functionCallStatus("send_email", view())).toEqual({ requested_at: CREATED, responded_at: null, approved: null, comment: null, reject_option_name: null });
  });

  it("is approved, with the reviewer's comment, when approved as asked", () => {
    const s = functionCallStatus("send_email", view({ status: "approved", decision: decided("approved", { comment: "go" }) }));
    expect(s).toMatchObject({ approved: true, comment: "go", responded_at: DECIDED });
  });

  it.each([
    ["denied", { reason: "not to customers" }, "not to customers"],
    ["expired", { reason: "no decision before the deadline (default deny)" }, "no decision before the deadline (default deny)"],
    ["cancelled", { reason: null }, "the request was cancelled"],
  ] as const)("is not approved when %s, with the reason as the comment", (status, over, comment) => {
    const s = functionCallStatus("send_email", view({ status, decision: decided(status, over) }));
    expect(s).toMatchObject({ approved: false, comment, responded_at: DECIDED });
  });

  it("reports an approval with modified arguments as NOT approved, naming the approved arguments (the SDK would run the original ones)", () => {
    const finalArguments = { to: "team@example.com", subject: "hi" };
    const s = functionCallStatus("send_email", view({ status: "approved", decision: decided("approved", { modified: true, finalArguments, comment: "internal only" }) }));
    expect(s.approved).toBe(false);
    expect(s.comment).toContain(JSON.stringify(finalArguments));
    expect(s.comment).toContain("call send_email again");
    expect(s.comment).toContain("internal only");
  });
});

describe("function call mapping", () => {
  const body = functionCallBodySchema.parse({
    run_id: "agent-1",
    call_id: "call-1",
    spec: { fn: "send_email", kwargs: { to: "a@example.com" }, state: { step: 3 }, reject_options: [{ name: "too_risky", title: "Too risky" }] },
  });

  it("submits fn/kwargs as tool/arguments, run_id as the session and call_id as a namespaced idempotency key", () => {
    const { input, channelData } = toSubmitInput(body);
    expect(input).toEqual({ tool: "send_email", arguments: { to: "a@example.com" }, session: "agent-1", idempotencyKey: functionCallKey("call-1") });
    expect(channelData).toEqual({ channel: null, reject_options: [{ name: "too_risky", title: "Too risky" }], state: { step: 3 } });
  });

  it("echoes the spec with the original kwargs and HumanLayer's field names", () => {
    const { channelData } = toSubmitInput(body);
    const fc = toFunctionCall({ callId: "call-1", runId: "agent-1", fn: "send_email", kwargs: { to: "a@example.com" }, channelData, view: view() });
    expect(fc).toMatchObject({
      run_id: "agent-1",
      call_id: "call-1",
      spec: { fn: "send_email", kwargs: { to: "a@example.com" }, channel: null, reject_options: [{ name: "too_risky" }], state: { step: 3 } },
      status: { approved: null },
      countersign: { request_id: view().id, status: "pending" },
    });
  });

  it("keeps function-call and contact-request call_ids apart", () => {
    expect(functionCallKey("x")).not.toBe(contactRequestKey("x"));
  });
});

describe("contact request mapping", () => {
  const body = contactRequestBodySchema.parse({
    run_id: "agent-1",
    call_id: "hc-1",
    spec: { msg: "Which region?", subject: null, channel: null, response_options: [{ name: "eu", title: "Europe", prompt_fill: "EU it is", description: null }] },
  });
  const question = { message: "Which region?", subject: null, responseOptions: [{ name: "eu", title: "Europe" }], answerOptionName: null };

  it("asks with msg as the message and the response options' name/title/description", () => {
    const { input, channelData } = toAskInput(body);
    expect(input).toEqual({ message: "Which region?", responseOptions: [{ name: "eu", title: "Europe" }], session: "agent-1", idempotencyKey: contactRequestKey("hc-1") });
    expect(channelData.response_options).toEqual([{ name: "eu", title: "Europe", prompt_fill: "EU it is", description: null }]);
  });

  it("has no response until answered", () => {
    const hc = toHumanContact({ callId: "hc-1", runId: "agent-1", channelData: toAskInput(body).channelData, view: view({ kind: "question", question }) });
    expect(hc.spec).toMatchObject({ msg: "Which region?", subject: null, response_options: [{ name: "eu", prompt_fill: "EU it is" }] });
    expect(hc.status).toEqual({ requested_at: CREATED, responded_at: null, response: null, response_option_name: null, rejected: false, comment: null });
  });

  it("carries the answer and the picked option once answered", () => {
    const v = view({ kind: "question", status: "approved", answer: "EU, please", question: { ...question, answerOptionName: "eu" }, decision: decided("approved", { comment: "EU, please" }) });
    const hc = toHumanContact({ callId: "hc-1", runId: "agent-1", channelData: null, view: v });
    expect(hc.status).toMatchObject({ response: "EU, please", response_option_name: "eu", responded_at: DECIDED, rejected: false, comment: null });
  });

  it.each(["denied", "expired", "cancelled"] as const)("keeps response null when %s, and says why", (status) => {
    const v = view({ kind: "question", status, question, decision: decided(status, { reason: `why ${status}` }) });
    const hc = toHumanContact({ callId: "hc-1", runId: "agent-1", channelData: null, view: v });
    expect(hc.status).toMatchObject({ response: null, response_option_name: null, rejected: true, comment: `why ${status}`, responded_at: DECIDED });
  });
});
