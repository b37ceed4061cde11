import type { JsonObject, JsonValue } from "../domain/json/canonical";
import type { AskInput, SubmitInput } from "../services/approval/schemas";
import type { AgentRequestView } from "../services/approval/view";
import type { ContactRequestBody, FunctionCallBody } from "./schemas";

/**
 * HumanLayer's FunctionCall and HumanContact ↔ Countersign requests. Pure:
 * the HTTP layer parses, calls the service verbs and hands their views here.
 */

/** call_ids are the agent's own; as idempotency keys they make a repeated POST return the same request. */
export const functionCallKey = (callId: string) => `humanlayer:fc:${callId}`;
export const contactRequestKey = (callId: string) => `humanlayer:hc:${callId}`;

/** Countersign's own words next to HumanLayer's fields; HumanLayer's SDKs ignore them. */
export type CountersignInfo = { request_id: string; status: string; url: string };

export type FunctionCall = {
  run_id: string;
  call_id: string;
  spec: { fn: string; kwargs: JsonObject; channel: JsonValue; reject_options: JsonValue; state: JsonValue };
  status: {
    requested_at: string;
    responded_at: string | null;
    /** null while pending; true only when the function may run with the kwargs it was asked about. */
    approved: boolean | null;
    comment: string | null;
    reject_option_name: string | null;
  };
  countersign: CountersignInfo;
};

export type HumanContact = {
  run_id: string;
  call_id: string;
  spec: { msg: string; subject: string | null; channel: JsonValue; response_options: JsonValue; state: JsonValue };
  status: {
    requested_at: string;
    responded_at: string | null;
    /** The answer; stays null when the question is dismissed, expires or is cancelled. */
    response: string | null;
    response_option_name: string | null;
    /** Countersign: true once the question is closed without an answer; `comment` says why. */
    rejected: boolean;
    comment: string | null;
  };
  countersign: CountersignInfo;
};

const field = (data: JsonObject | null, key: string): JsonValue => data?.[key] ?? null;

export function toSubmitInput(body: FunctionCallBody): { input: SubmitInput; channelData: JsonObject } {
  const { spec } = body;
  return {
    input: { tool: spec.fn, arguments: spec.kwargs, session: body.run_id, idempotencyKey: functionCallKey(body.call_id) },
    channelData: { channel: spec.channel ?? null, reject_options: (spec.reject_options as JsonValue | undefined) ?? null, state: spec.state ?? null },
  };
}

export function toAskInput(body: ContactRequestBody): { input: AskInput; channelData: JsonObject } {
  const { spec } = body;
  const options = spec.response_options?.map((o) => ({
    name: o.name,
    ...(o.title ? { title: o.title } : {}),
    ...(o.description ? { description: o.description } : {}),
  }));
  return {
    input: {
      message: spec.msg,
      ...(spec.subject ? { subject: spec.subject } : {}),
      ...(options ? { responseOptions: options } : {}),
      session: body.run_id,
      idempotencyKey: contactRequestKey(body.call_id),
    },
    channelData: { channel: spec.channel ?? null, response_options: (spec.response_options as JsonValue | undefined) ?? null, state: spec.state ?? null },
  };
}

/**
 * The reviewer's answer as HumanLayer reports it. Fail-closed: HumanLayer's
 * SDKs run the function with the kwargs they sent once `approved` is true,
 * so an approval with modified arguments is reported as not approved, with
 * the arguments the reviewer did approve in the comment for the agent to
 * call again with.
 */
export function functionCallStatus(fn: string, v: AgentRequestView): FunctionCall["status"] {
  const d = v.decision;
  const base = { requested_at: v.createdAt, responded_at: d?.decidedAt ?? null, reject_option_name: null };
  if (!d || v.status === "pending") return { ...base, responded_at: null, approved: null, comment: null };
  if (v.status !== "approved") return { ...base, approved: false, comment: d.reason ?? d.comment ?? `the request was ${v.status}` };
  if (!d.modified) return { ...base, approved: true, comment: d.comment };
  const said = d.comment ? ` The reviewer's comment: ${d.comment}` : "";
  return {
    ...base,
    approved: false,
    comment:
      `The reviewer approved ${fn} only with changed arguments, so it was not run with the ones you sent. ` +
      `To go ahead, call ${fn} again with exactly these arguments: ${JSON.stringify(d.finalArguments)}.${said}`,
  };
}

const info = (v: AgentRequestView): CountersignInfo => ({ request_id: v.id, status: v.status, url: v.url });

export function toFunctionCall(s: { callId: string; runId: string; fn: string; kwargs: JsonObject; channelData: JsonObject | null; view: AgentRequestView }): FunctionCall {
  return {
    run_id: s.runId,
    call_id: s.callId,
    spec: { fn: s.fn, kwargs: s.kwargs, channel: field(s.channelData, "channel"), reject_options: field(s.channelData, "reject_options"), state: field(s.channelData, "state") },
    status: functionCallStatus(s.fn, s.view),
    countersign: info(s.view),
  };
}

export function toHumanContact(s: { callId: string; runId: string; channelData: JsonObject | null; view: AgentRequestView }): HumanContact {
  const v = s.view;
  const d = v.decision;
  const open = !d || v.status === "pending";
  const answered = v.status === "approved" && v.answer !== null;
  return {
    run_id: s.runId,
    call_id: s.callId,
    spec: {
      msg: v.question?.message ?? "",
      subject: v.question?.subject ?? null,
      channel: field(s.channelData, "channel"),
      response_options: field(s.channelData, "response_options"),
      state: field(s.channelData, "state"),
    },
    status: {
      requested_at: v.createdAt,
      responded_at: open ? null : d.decidedAt,
      response: answered ? v.answer : null,
      response_option_name: answered ? (v.question?.answerOptionName ?? null) : null,
      rejected: !open && !answered,
      comment: open || answered ? null : (d.reason ?? d.comment ?? `the question was ${v.status}`),
    },
    countersign: info(v),
  };
}
