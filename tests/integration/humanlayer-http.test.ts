import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import type { Server } from "node:http";
import { type RunningServer } from "../fixtures/server";
import { data, trpc } from "../fixtures/http";
import { createTestRuntime, makeAgent } from "../fixtures/runtime";
import { rawRequest, type RawResponse } from "../fixtures/raw-http";
import { sqlitePathFromUrl } from "@/server/db/client";
import { createFrontServer } from "@/server/http/front-server";
import type { Runtime } from "@/server/runtime/runtime";
import { startStack } from "../fixtures/stack";

const PREFIX = "/api/humanlayer/v1";

type Json = Record<string, unknown>;
type Res = { status: number; body: Json | null; text: string; headers: RawResponse["headers"] };
type FunctionCall = { run_id: string; call_id: string; spec: Json; status: Json; countersign: { request_id: string; status: string; url: string } };

function client(baseUrl: () => string) {
  const seen: Res[] = [];
  const call = async (method: string, path: string, opts: { key?: string; body?: unknown; raw?: string | Buffer; chunked?: boolean; headers?: Record<string, string> } = {}): Promise<Res> => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.key) headers.authorization = `Bearer ${opts.key}`;
    let body: string | Buffer | undefined = opts.raw;
    if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined) headers["content-type"] = "application/json";
    const r = await rawRequest(baseUrl(), `${PREFIX}${path}`, { method, headers, body, chunked: opts.chunked });
    let parsed: Json | null = null;
    try {
      parsed = JSON.parse(r.text) as Json;
    } catch {
      parsed = null;
    }
    const res = { status: r.status, body: parsed, text: r.text, headers: r.headers };
    seen.push(res);
    return res;
  };
  return { call, seen };
}

const fcBody = (callId: string, over: Json = {}, spec: Json = {}) => ({
  run_id: "run-1",
  call_id: callId,
  spec: { fn: "send_email", kwargs: { to: "ops@example.com", body: "hello" }, ...spec },
  ...over,
});
const hcBody = (callId: string, spec: Json = {}) => ({ run_id: "run-1", call_id: callId, spec: { msg: "Which region?", ...spec } });

describe("HumanLayer REST over real HTTP", () => {
  let server: RunningServer;
  let dbFile: string;
  let key: string;
  let otherKey: string;
  let cookie: string;
  const { call, seen } = client(() => server.url);

  beforeAll(async () => {
    const stack = await startStack("humanlayer-http", ["write_destructive", "write_destructive"]);
    ({ server, cookie } = stack);
    dbFile = sqlitePathFromUrl(stack.databaseUrl);
    key = stack.agent(0).apiKey;
    otherKey = stack.agent(1).apiKey;
  });
  afterAll(async () => {
    await server?.stop();
    // Whatever the input, the server never answered 500.
    expect(seen.filter((r) => r.status >= 500).map((r) => r.text)).toEqual([]);
  });

  /** Rows and audit events on disk, read through a connection of our own. */
  function counts(): { requests: number; events: number } {
    const db = new Database(dbFile, { readonly: true });
    try {
      const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      return { requests: n("SELECT count(*) AS n FROM action_request"), events: n("SELECT count(*) AS n FROM audit_event") };
    } finally {
      db.close();
    }
  }

  const review = async (path: string, input: unknown) => {
    const r = await trpc(server.url, path, input, { cookie });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return data(r);
  };

  it("POST /function_calls answers with HumanLayer's FunctionCall, undecided, spec echoed as sent", async () => {
    const body = fcBody("fc-shape", {}, { state: { step: 2 }, channel: { slack: { channel_or_user_id: "C1" } }, reject_options: [{ name: "too_risky", title: "Too risky" }] });
    const r = await call("POST", "/function_calls", { key, body });
    expect(r.status, r.text).toBe(200);
    const fc = r.body as FunctionCall;
    expect(fc).toMatchObject({ run_id: "run-1", call_id: "fc-shape", spec: body.spec, status: { approved: null, comment: null, responded_at: null, reject_option_name: null } });
    expect(Date.parse(String(fc.status.requested_at))).not.toBeNaN();
    expect(fc.countersign).toMatchObject({ status: "pending", url: expect.stringContaining(`/requests/${fc.countersign.request_id}`) as unknown });

    const got = await call("GET", "/function_calls/fc-shape", { key });
    expect(got.status).toBe(200);
    expect(got.body).toEqual(fc);
  });

  it("GET reports the reviewer's approval, with the comment and the decision time", async () => {
    const created = (await call("POST", "/function_calls", { key, body: fcBody("fc-approve") })).body as FunctionCall;
    await review("review.decide", { id: created.countersign.request_id, decision: { type: "approve", comment: "go ahead" } });
    const fc = (await call("GET", "/function_calls/fc-approve", { key })).body as FunctionCall;
    expect(fc.status).toMatchObject({ approved: true, comment: "go ahead" });
    expect(Date.parse(String(fc.status.responded_at))).toBeGreaterThanOrEqual(Date.parse(String(fc.status.requested_at)));
  });

  it("an approval with modified arguments reads as NOT approved, with the original kwargs in the spec and the approved ones in the comment", async () => {
    const created = (await call("POST", "/function_calls", { key, body: fcBody("fc-modify") })).body as FunctionCall;
    const finalArguments = { to: "team@example.com", body: "hello" };
    await review("review.decide", { id: created.countersign.request_id, decision: { type: "approve", finalArguments } });
    const fc = (await call("GET", "/function_calls/fc-modify", { key })).body as FunctionCall;
    expect(fc.status.approved).toBe(false);
    expect(fc.spec.kwargs).toEqual({ to: "ops@example.com", body: "hello" });
    expect(String(fc.status.comment)).toContain(JSON.stringify(finalArguments));
    expect(fc.countersign.status).toBe("approved");
  });

  it("a denial's reason is the comment", async () => {
    const created = (await call("POST", "/function_calls", { key, body: fcBody("fc-deny") })).body as FunctionCall;
    await review("review.decide", { id: created.countersign.request_id, decision: { type: "deny", reason: "not today" } });
    expect(((await call("GET", "/function_calls/fc-deny", { key })).body as FunctionCall).status).toMatchObject({ approved: false, comment: "not today" });
  });

  it("the same call_id and body give back the same request; another body under it is 409 and writes nothing", async () => {
    const first = (await call("POST", "/function_calls", { key, body: fcBody("fc-idem") })).body as FunctionCall;
    const again = await call("POST", "/function_calls", { key, body: fcBody("fc-idem") });
    expect(again.status).toBe(200);
    expect((again.body as FunctionCall).countersign.request_id).toBe(first.countersign.request_id);
    const before = counts();
    for (const body of [fcBody("fc-idem", {}, { kwargs: { to: "someone-else@example.com" } }), fcBody("fc-idem", {}, { state: { other: true } }), fcBody("fc-idem", { run_id: "run-2" })]) {
      const r = await call("POST", "/function_calls", { key, body });
      expect(r.status, r.text).toBe(409);
      expect(r.body?.error).toMatchObject({ code: "CONFLICT", field: "call_id", message: expect.stringContaining('"fc-idem"') as unknown });
    }
    expect(counts()).toEqual(before);
  });

  it("accepts the nulls the Python SDK sends for absent fields", async () => {
    const fc = await call("POST", "/function_calls", { key, body: fcBody("fc-nulls", { status: null }, { channel: null, reject_options: null, state: null }) });
    expect(fc.status, fc.text).toBe(200);
    const hc = await call("POST", "/contact_requests", { key, body: { ...hcBody("hc-nulls", { subject: null, channel: null, response_options: null, state: null }), status: null } });
    expect(hc.status, hc.text).toBe(200);
    expect(hc.body).toMatchObject({ spec: { msg: "Which region?", subject: null, channel: null, response_options: null, state: null } });
  });

  it("call_ids are per agent and per kind: anyone else's, or the other kind's, is 404", async () => {
    await call("POST", "/function_calls", { key, body: fcBody("fc-mine") });
    await call("POST", "/contact_requests", { key, body: hcBody("hc-mine") });
    for (const [k, path] of [
      [otherKey, "/function_calls/fc-mine"],
      [otherKey, "/contact_requests/hc-mine"],
      [key, "/contact_requests/fc-mine"],
      [key, "/function_calls/hc-mine"],
      [key, "/function_calls/never-posted"],
    ] as const) {
      const r = await call("GET", path, { key: k });
      expect(r.status, path).toBe(404);
      expect(r.body?.error).toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await call("GET", "/function_calls/fc-mine", { key })).status).toBe(200);
  });

  it("contact requests: no response until answered, then the answer and the picked option", async () => {
    const options = [{ name: "eu", title: "Europe", prompt_fill: "EU" }, { name: "us" }];
    const created = await call("POST", "/contact_requests", { key, body: hcBody("hc-answer", { subject: "Region", response_options: options, state: { s: 1 } }) });
    expect(created.status, created.text).toBe(200);
    expect(created.body).toMatchObject({
      run_id: "run-1",
      call_id: "hc-answer",
      spec: { msg: "Which region?", subject: "Region", response_options: options, state: { s: 1 }, channel: null },
      status: { response: null, response_option_name: null, responded_at: null, rejected: false, comment: null },
    });
    const id = (created.body as FunctionCall).countersign.request_id;
    const item = data<Json>(await trpc(server.url, "review.get", { id }, { cookie, method: "GET" }));
    expect(item).toMatchObject({ kind: "question", question: { message: "Which region?", subject: "Region", responseOptions: [{ name: "eu", title: "Europe" }, { name: "us" }] } });

    await review("review.answer", { id, answer: "Europe — Frankfurt", optionName: "eu" });
    const got = await call("GET", "/contact_requests/hc-answer", { key });
    expect(got.body).toMatchObject({ status: { response: "Europe — Frankfurt", response_option_name: "eu", rejected: false } });
  });

  it("a dismissed question keeps response null and says why", async () => {
    const created = (await call("POST", "/contact_requests", { key, body: hcBody("hc-dismiss") })).body as FunctionCall;
    await review("review.decide", { id: created.countersign.request_id, decision: { type: "deny", reason: "ask #infra instead" } });
    const got = await call("GET", "/contact_requests/hc-dismiss", { key });
    expect(got.status).toBe(410);
    expect((got.body as { error: { code: string; message: string } }).error.code).toBe("GONE");
    expect((got.body as { error: { code: string; message: string } }).error.message).toContain("ask #infra instead");
    expect(got.body).toMatchObject({ status: { response: null, rejected: true, comment: "ask #infra instead" }, countersign: { status: "denied" } });
    expect((got.body as FunctionCall).status.responded_at).not.toBeNull();
  });

  it("bad input: a clear 4xx naming the field, and nothing written", async () => {
    await call("POST", "/function_calls", { key, body: fcBody("fc-warmup") });
    const before = counts();
    const big = JSON.stringify(fcBody("fc-big", {}, { kwargs: { blob: "x".repeat(300 * 1024) } }));
    const cases: { what: string; res: () => Promise<Res>; status: number; code: string; field?: string }[] = [
      { what: "not JSON", res: () => call("POST", "/function_calls", { key, raw: '{"run_id": ' }), status: 400, code: "BAD_REQUEST", field: "body" },
      { what: "empty body", res: () => call("POST", "/function_calls", { key, raw: "" }), status: 400, code: "BAD_REQUEST", field: "body" },
      { what: "a JSON array", res: () => call("POST", "/function_calls", { key, body: [] }), status: 400, code: "BAD_REQUEST", field: "body" },
      { what: "no spec.fn", res: () => call("POST", "/function_calls", { key, body: { run_id: "r", call_id: "c1", spec: { kwargs: {} } } }), status: 400, code: "BAD_REQUEST", field: "spec.fn" },
      { what: "a spec.fn with a space", res: () => call("POST", "/function_calls", { key, body: fcBody("c2", {}, { fn: "send email" }) }), status: 400, code: "BAD_REQUEST", field: "spec.fn" },
      { what: "kwargs an array", res: () => call("POST", "/function_calls", { key, body: fcBody("c3", {}, { kwargs: [1] }) }), status: 400, code: "BAD_REQUEST", field: "spec.kwargs" },
      { what: "kwargs over 64 KiB", res: () => call("POST", "/function_calls", { key, body: fcBody("c4", {}, { kwargs: { blob: "x".repeat(70 * 1024) } }) }), status: 400, code: "BAD_REQUEST", field: "spec.kwargs" },
      { what: "no run_id", res: () => call("POST", "/function_calls", { key, body: { call_id: "c5", spec: { fn: "f", kwargs: {} } } }), status: 400, code: "BAD_REQUEST", field: "run_id" },
      { what: "a call_id with a slash", res: () => call("POST", "/function_calls", { key, body: fcBody("a/b") }), status: 400, code: "BAD_REQUEST", field: "call_id" },
      { what: "an empty call_id", res: () => call("POST", "/function_calls", { key, body: fcBody("") }), status: 400, code: "BAD_REQUEST", field: "call_id" },
      { what: "a reject option without a name", res: () => call("POST", "/function_calls", { key, body: fcBody("c6", {}, { reject_options: [{ title: "x" }] }) }), status: 400, code: "BAD_REQUEST", field: "spec.reject_options.0.name" },
      { what: "a state that is not an object", res: () => call("POST", "/function_calls", { key, body: fcBody("c7", {}, { state: "s" }) }), status: 400, code: "BAD_REQUEST", field: "spec.state" },
      { what: "an empty msg", res: () => call("POST", "/contact_requests", { key, body: hcBody("c8", { msg: "" }) }), status: 400, code: "BAD_REQUEST", field: "spec.msg" },
      { what: "no msg", res: () => call("POST", "/contact_requests", { key, body: { run_id: "r", call_id: "c9", spec: {} } }), status: 400, code: "BAD_REQUEST", field: "spec.msg" },
      { what: "duplicate response options", res: () => call("POST", "/contact_requests", { key, body: hcBody("c10", { response_options: [{ name: "a" }, { name: "a" }] }) }), status: 400, code: "BAD_REQUEST", field: "spec.response_options" },
      { what: "21 response options", res: () => call("POST", "/contact_requests", { key, body: hcBody("c11", { response_options: Array.from({ length: 21 }, (_, i) => ({ name: `o${i}` })) }) }), status: 400, code: "BAD_REQUEST", field: "spec.response_options" },
      { what: "an over-long call_id in the path", res: () => call("GET", `/function_calls/${"x".repeat(151)}`, { key }), status: 400, code: "BAD_REQUEST", field: "call_id" },
      { what: "broken percent-encoding in the path", res: () => call("GET", "/function_calls/%E0%A4%A", { key }), status: 400, code: "BAD_REQUEST", field: "call_id" },
      { what: "a declared oversized body", res: () => call("POST", "/function_calls", { key, raw: big }), status: 413, code: "PAYLOAD_TOO_LARGE" },
      { what: "a chunked oversized body", res: () => call("POST", "/function_calls", { key, raw: big, chunked: true }), status: 413, code: "PAYLOAD_TOO_LARGE" },
      { what: "no API key", res: () => call("POST", "/function_calls", { body: fcBody("c12") }), status: 401, code: "UNAUTHORIZED" },
      { what: "an unknown API key", res: () => call("GET", "/function_calls/fc-warmup", { key: `cs_${"A".repeat(43)}` }), status: 401, code: "UNAUTHORIZED" },
      { what: "Basic auth", res: () => call("POST", "/contact_requests", { headers: { authorization: `Basic ${key}` }, body: hcBody("c13") }), status: 401, code: "UNAUTHORIZED" },
      { what: "an unknown path", res: () => call("POST", "/agent/function_calls/x/respond", { key, body: {} }), status: 404, code: "NOT_FOUND" },
      { what: "the prefix alone", res: () => call("GET", "", { key }), status: 404, code: "NOT_FOUND" },
      { what: "a path below a call", res: () => call("GET", "/function_calls/a/b", { key }), status: 404, code: "NOT_FOUND" },
    ];
    for (const c of cases) {
      const r = await c.res();
      expect(r.status, `${c.what}: ${r.text.slice(0, 300)}`).toBe(c.status);
      expect(r.body?.error, c.what).toMatchObject({ code: c.code, message: expect.any(String) as unknown });
      if (c.field) {
        expect((r.body?.error as Json).field, c.what).toBe(c.field);
        expect(String((r.body?.error as Json).message), c.what).toMatch(c.field === "body" ? /body|JSON|expected/ : new RegExp(`^${c.field.replace(/\./g, "\\.")}: `));
      }
      if (c.status === 401) expect(r.headers["www-authenticate"], c.what).toMatch(/^Bearer /);
    }
    expect(counts()).toEqual(before);
  });

  it("the wrong method is 405 with Allow", async () => {
    for (const [method, path, allow] of [
      ["GET", "/function_calls", "POST"],
      ["PUT", "/contact_requests", "POST"],
      ["POST", "/function_calls/fc-warmup", "GET"],
      ["DELETE", "/contact_requests/x", "GET"],
    ] as const) {
      const r = await call(method, path, { key });
      expect(r.status, `${method} ${path}`).toBe(405);
      expect(r.headers.allow).toBe(allow);
      expect(r.body?.error).toMatchObject({ code: "METHOD_NOT_ALLOWED" });
    }
  });
});

describe("HumanLayer REST: past the deadline (front server in-process, controlled clock)", () => {
  let offset = 0;
  let rt: Runtime;
  let http: Server;
  let url = "";
  let key = "";
  const { call, seen } = client(() => url);

  beforeAll(async () => {
    rt = createTestRuntime({ now: () => new Date(Date.now() + offset) });
    rt.scheduler.stop();
    key = (await makeAgent(rt)).apiKey;
    http = createFrontServer(rt, null);
    await new Promise<void>((ok) => http.listen(0, "127.0.0.1", ok));
    const address = http.address();
    url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise((r) => http?.close(r));
    rt?.close();
    expect(seen.filter((r) => r.status >= 500)).toEqual([]);
  });

  it("an undecided function call and question read as refused once their deadline passes (default deny)", async () => {
    expect((await call("POST", "/function_calls", { key, body: fcBody("fc-late") })).status).toBe(200);
    expect((await call("POST", "/contact_requests", { key, body: hcBody("hc-late") })).status).toBe(200);
    offset = (rt.config.defaultTimeoutSeconds + 1) * 1000;
    const fc = await call("GET", "/function_calls/fc-late", { key });
    expect(fc.body).toMatchObject({ status: { approved: false, comment: "no decision before the deadline (default deny)" }, countersign: { status: "expired" } });
    const hc = await call("GET", "/contact_requests/hc-late", { key });
    expect(hc.status).toBe(410);
    expect(hc.body).toMatchObject({ status: { response: null, rejected: true, comment: "no decision before the deadline (default deny)" }, countersign: { status: "expired" } });
  });
});
