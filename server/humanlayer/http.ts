import type { IncomingMessage, ServerResponse } from "node:http";
import { ZodError, type z } from "zod";
import type { Runtime } from "../runtime/runtime";
import { authenticateApiKey, bearerToken } from "../services/agents/authenticate";
import { ServiceError, type ServiceErrorCode } from "../services/errors";
import { submitRequest } from "../services/approval/submit";
import { askQuestion } from "../services/approval/ask";
import { findOwnRequestByKey } from "../services/approval/find-by-key";
import { BodyTooLargeError, readBody } from "../http/read-body";
import { MAX_BODY_BYTES } from "../http/limits";
import { contactRequestBodySchema, callIdSchema, functionCallBodySchema } from "./schemas";
import { contactRequestKey, functionCallKey, toAskInput, toFunctionCall, toHumanContact, toSubmitInput } from "./map";

export const HUMANLAYER_PREFIX = "/api/humanlayer/v1";

type Collection = "function_calls" | "contact_requests";
type Route = { collection: Collection; callId: string | null };

const STATUS: Record<ServiceErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
};

/** Countersign's input fields under HumanLayer's names, so an error names the field the client sent. */
const FIELD_NAMES = new Map([
  ["tool", "spec.fn"],
  ["arguments", "spec.kwargs"],
  ["session", "run_id"],
  ["idempotencyKey", "call_id"],
  ["message", "spec.msg"],
  ["subject", "spec.subject"],
  ["responseOptions", "spec.response_options"],
]);

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** The path after the prefix → a route, or null when there is no such resource. */
function routeOf(url: string): Route | null {
  const q = url.search(/[?#]/);
  const path = (q === -1 ? url : url.slice(0, q)).slice(HUMANLAYER_PREFIX.length);
  const m = /^\/(function_calls|contact_requests)(?:\/([^/]+))?$/.exec(path);
  if (!m) return null;
  let callId: string | null = null;
  if (m[2] !== undefined) {
    try {
      callId = decodeURIComponent(m[2]);
    } catch {
      throw new HttpError(400, "BAD_REQUEST", "call_id: the path segment is not valid percent-encoding", { field: "call_id" });
    }
  }
  return { collection: m[1] as Collection, callId };
}

function zodError(e: ZodError, rename: (path: string) => string = (p) => p): HttpError {
  const issues = e.issues.map((i) => {
    const raw = i.path.map(String).join(".");
    const path = rename(raw);
    return { field: path || "body", message: i.message };
  });
  const first = issues[0] ?? { field: "body", message: "invalid request body" };
  return new HttpError(400, "BAD_REQUEST", `${first.field}: ${first.message}`, { field: first.field, issues });
}

function renameServiceField(path: string): string {
  const [head, ...rest] = path.split(".");
  const named = head !== undefined ? FIELD_NAMES.get(head) : undefined;
  return named ? [named, ...rest].join(".") : path;
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw zodError(r.error);
  return r.data;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const tooLarge = `request body is larger than the limit of ${MAX_BODY_BYTES} bytes (256 KiB)`;
  let text: string;
  try {
    text = await readBody(req, MAX_BODY_BYTES);
  } catch (e) {
    if (e instanceof BodyTooLargeError) throw new HttpError(413, "PAYLOAD_TOO_LARGE", tooLarge, {}, { connection: "close" });
    throw e;
  }
  if (text.trim() === "") throw new HttpError(400, "BAD_REQUEST", "the request body must be a JSON object", { field: "body" });
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new HttpError(400, "BAD_REQUEST", `the request body is not valid JSON: ${e instanceof Error ? e.message : "parse error"}`, { field: "body" });
  }
}

/** A service's refusal in HumanLayer's terms: call_id rather than idempotencyKey, HumanLayer's field names. */
function fromServiceError(e: ServiceError, what: string, callId: string): HttpError {
  if (e.code === "CONFLICT" && typeof e.data.existingId === "string") {
    return new HttpError(409, "CONFLICT", `call_id "${callId}" was already used for a ${what} with a different body`, { field: "call_id", details: { existingRequestId: e.data.existingId } });
  }
  if (e.code === "NOT_FOUND" && "idempotencyKey" in e.data) return new HttpError(404, "NOT_FOUND", `no ${what} with call_id "${callId}"`);
  const field = typeof e.data.field === "string" ? renameServiceField(e.data.field) : undefined;
  return new HttpError(STATUS[e.code], e.code, e.message, { ...(field ? { field } : {}), details: e.data });
}

async function serve(rt: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const route = routeOf(req.url ?? "");
  if (!route) throw new HttpError(404, "NOT_FOUND", "no such HumanLayer endpoint: POST /function_calls, GET /function_calls/{call_id}, POST /contact_requests, GET /contact_requests/{call_id}");
  const allowed = route.callId === null ? "POST" : "GET";
  if (req.method !== allowed) throw new HttpError(405, "METHOD_NOT_ALLOWED", `use ${allowed} here`, {}, { allow: allowed });

  const actor = await authenticateApiKey(rt.store, bearerToken(req.headers.authorization), "humanlayer");
  if (!actor) {
    throw new HttpError(401, "UNAUTHORIZED", "a valid Countersign agent API key is required (Authorization: Bearer cs_…)", {}, {
      "www-authenticate": 'Bearer realm="countersign", error="invalid_token"',
    });
  }
  const ctx = rt.svc(actor);
  const functionCalls = route.collection === "function_calls";
  const what = functionCalls ? "function call" : "contact request";

  if (route.callId !== null) {
    const checked = callIdSchema.safeParse(route.callId);
    if (!checked.success) throw new HttpError(400, "BAD_REQUEST", `call_id: ${checked.error.issues[0]?.message ?? "invalid"}`, { field: "call_id" });
    const callId = checked.data;
    try {
      const found = await findOwnRequestByKey({ ctx, input: { idempotencyKey: functionCalls ? functionCallKey(callId) : contactRequestKey(callId) } });
      if (found.kind !== (functionCalls ? "action" : "question")) throw new HttpError(404, "NOT_FOUND", `no ${what} with call_id "${callId}"`);
      const runId = found.session ?? "";
      if (functionCalls) {
        send(res, 200, toFunctionCall({ callId, runId, fn: found.tool, kwargs: found.arguments, channelData: found.channelData, view: found.view }));
        return;
      }
      const contact = toHumanContact({ callId, runId, channelData: found.channelData, view: found.view });
      // HumanLayer's SDK polls a contact request until it has a response, forever; a question closed
      // without one (dismissed, expired, cancelled) is 410 so the SDK throws with the reason instead.
      if (contact.status.rejected) {
        const message = `the question was closed without an answer (${found.view.status}): ${contact.status.comment ?? "no reason given"}`;
        send(res, 410, { ...contact, error: { code: "GONE", message } });
        return;
      }
      send(res, 200, contact);
    } catch (e) {
      throw e instanceof ServiceError ? fromServiceError(e, what, callId) : e;
    }
    return;
  }

  const raw = await readJson(req);
  if (functionCalls) {
    const body = parse(functionCallBodySchema, raw);
    const { input, channelData } = toSubmitInput(body);
    const view = await submitRequest({ ctx, input, channelData }).catch((e: unknown) => rethrow(e, what, body.call_id));
    send(res, 200, toFunctionCall({ callId: body.call_id, runId: body.run_id, fn: body.spec.fn, kwargs: body.spec.kwargs, channelData, view }));
  } else {
    const body = parse(contactRequestBodySchema, raw);
    const { input, channelData } = toAskInput(body);
    const view = await askQuestion({ ctx, input, channelData }).catch((e: unknown) => rethrow(e, what, body.call_id));
    send(res, 200, toHumanContact({ callId: body.call_id, runId: body.run_id, channelData, view }));
  }
}

function rethrow(e: unknown, what: string, callId: string): never {
  if (e instanceof ServiceError) throw fromServiceError(e, what, callId);
  if (e instanceof ZodError) throw zodError(e, renameServiceField);
  throw e;
}

/**
 * HumanLayer's REST API (the subset its SDKs use), so agents written with
 * `@humanlayer/sdk` work unchanged with HUMANLAYER_API_BASE pointed here and
 * a Countersign agent API key as HUMANLAYER_API_KEY. Every call goes through
 * the same service verbs as the tRPC agent API.
 */
export function createHumanLayerHandler(rt: Runtime): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    try {
      await serve(rt, req, res);
    } catch (e) {
      if (e instanceof HttpError) {
        send(res, e.status, { error: { code: e.code, message: e.message, ...e.extra } }, e.headers);
        return;
      }
      console.error("HumanLayer API:", e);
      send(res, 500, { error: { code: "INTERNAL_SERVER_ERROR", message: "internal error" } });
    }
  };
}
