import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../fixtures/server";
import { tempDatabaseUrl } from "../fixtures/test-db";
import { signIn } from "../fixtures/http";
import { createTestRuntime, makeAgent, makeUser, writeRequest } from "../fixtures/runtime";
import { rawRequest } from "../fixtures/raw-http";
import { mutate, pick, randomJson, RAW_BODIES, rng } from "../fixtures/fuzz";

type Body = { result?: { data: Record<string, unknown> }; error?: { message: string; data?: { code?: string; httpStatus?: number } } };
type Res = { status: number; text: string; body: Body | null };
type Auth = { key?: string; cookie?: string };

describe("bad input over real HTTP: clear 4xx, never a 500", () => {
  let server: RunningServer;
  let databaseUrl: string;
  let key: string;
  let otherKey: string;
  let doomedKey: string;
  let doomedKeyId: string;
  let reviewer: string;
  let viewer: string;
  let admin: string;
  const seen: { what: string; res: Res }[] = [];

  const record = (what: string, r: { status: number; text: string }): Res => {
    let body: Body | null = null;
    try {
      body = JSON.parse(r.text) as Body;
    } catch {
      body = null;
    }
    const res = { status: r.status, text: r.text, body };
    seen.push({ what, res });
    return res;
  };
  const headersFor = (a: Auth): Record<string, string> => ({
    ...(a.key ? { authorization: `Bearer ${a.key}` } : {}),
    ...(a.cookie ? { cookie: a.cookie } : {}),
  });
  const postRaw = async (path: string, text: string, a: Auth = {}) =>
    record(`POST ${path} ${text.slice(0, 80)}`, await rawRequest(server.url, `/api/trpc/${path}`, { body: text, headers: { "content-type": "application/json", ...headersFor(a) } }));
  const post = (path: string, input: unknown, a: Auth = {}) => postRaw(path, JSON.stringify(input) ?? "", a);
  const get = async (path: string, input: unknown, a: Auth = {}) =>
    record(`GET ${path}`, await rawRequest(server.url, `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { method: "GET", headers: headersFor(a) }));
  const expectError = (r: Res, status: number, code: string, message?: RegExp) => {
    expect(r.status, r.text.slice(0, 500)).toBe(status);
    expect(r.body?.error?.data?.code).toBe(code);
    if (message) expect(r.body?.error?.message).toMatch(message);
  };
  const nest = (levels: number): Record<string, unknown> => {
    let v: Record<string, unknown> = {};
    for (let i = 1; i < levels; i++) v = { a: v };
    return v;
  };
  const pendingId = async () => {
    const r = await post("agent.submit", writeRequest(), { key });
    expect(r.status).toBe(200);
    return String(r.body?.result?.data.id);
  };

  beforeAll(async () => {
    databaseUrl = tempDatabaseUrl("bad-input");
    const setup = createTestRuntime({ databaseUrl });
    key = (await makeAgent(setup)).apiKey;
    otherKey = (await makeAgent(setup)).apiKey;
    const doomed = await makeAgent(setup);
    doomedKey = doomed.apiKey;
    doomedKeyId = doomed.actor.keyId;
    const users = { reviewer: await makeUser(setup, "reviewer"), viewer: await makeUser(setup, "viewer"), admin: await makeUser(setup, "admin") };
    setup.close();
    server = await startServer({ databaseUrl });
    reviewer = await signIn(server.url, users.reviewer.email, users.reviewer.password);
    viewer = await signIn(server.url, users.viewer.email, users.viewer.password);
    admin = await signIn(server.url, users.admin.email, users.admin.password);
  });
  afterAll(async () => server?.stop());

  it("malformed JSON → 400 with a structured error", async () => {
    for (const text of ['{"tool": "x", arguments: }', "{", "{'tool':'x'}", '{"tool":"x",}']) {
      const r = await postRaw("agent.submit", text, { key });
      expect(r.status, r.text).toBe(400);
      expect(r.body?.error?.data?.code).toBe("BAD_REQUEST");
      expect(r.body?.error?.message).toMatch(/JSON/);
    }
  });

  it("an oversized body → 413, whether declared by content-length or sent chunked", async () => {
    const big = JSON.stringify(writeRequest({ arguments: { blob: "x".repeat(300 * 1024) } }));
    const declared = record("413 content-length", await rawRequest(server.url, "/api/trpc/agent.submit", { body: big, headers: { "content-type": "application/json", authorization: `Bearer ${key}` } }));
    expectError(declared, 413, "PAYLOAD_TOO_LARGE", /256 KiB/);
    const chunked = record("413 chunked", await rawRequest(server.url, "/api/trpc/agent.submit", { body: big, chunked: true, headers: { "content-type": "application/json", authorization: `Bearer ${key}` } }));
    expectError(chunked, 413, "PAYLOAD_TOO_LARGE");
  });

  it("an unknown procedure → 404", async () => {
    expectError(await post("agent.nope", {}, { key }), 404, "NOT_FOUND");
    expectError(await get("nothing.here", {}, { key }), 404, "NOT_FOUND");
  });

  it("missing, unknown, malformed and revoked API keys → 401", async () => {
    expectError(await post("agent.submit", writeRequest()), 401, "UNAUTHORIZED");
    expectError(await post("agent.submit", writeRequest(), { key: `cs_${"A".repeat(43)}` }), 401, "UNAUTHORIZED");
    expectError(record("basic auth", await rawRequest(server.url, "/api/trpc/agent.submit", { body: "{}", headers: { "content-type": "application/json", authorization: `Basic ${key}` } })), 401, "UNAUTHORIZED");

    expect((await post("agent.submit", writeRequest(), { key: doomedKey })).status).toBe(200);
    const other = createTestRuntime({ databaseUrl });
    try {
      expect(await other.store.revokeApiKey(doomedKeyId, new Date(), [{ actorType: "system", actorId: "test", action: "api_key.revoked", requestId: null, data: { keyId: doomedKeyId } }])).toBe(true);
    } finally {
      other.close();
    }
    expectError(await post("agent.submit", writeRequest(), { key: doomedKey }), 401, "UNAUTHORIZED");
  });

  it("acting above one's role → 403; no session → 401", async () => {
    expectError(await get("audit.verify", {}, { cookie: reviewer }), 403, "FORBIDDEN", /admin/);
    expect((await get("audit.verify", {}, { cookie: admin })).status).toBe(200);
    const id = await pendingId();
    expectError(await post("review.decide", { id, decision: { type: "approve" } }, { cookie: viewer }), 403, "FORBIDDEN", /reviewer/);
    expectError(await get("review.list", {}), 401, "UNAUTHORIZED");
    expectError(await get("review.list", {}, { key }), 401, "UNAUTHORIZED");
    expect((await get("agent.get", { id }, { key })).body?.result?.data.status).toBe("pending");
  });

  it("arguments deeper than 32 levels or over 64 KiB → 400 naming the limit; the limits themselves pass", async () => {
    expect((await post("agent.submit", writeRequest({ arguments: nest(32) }), { key })).status).toBe(200);
    expectError(await post("agent.submit", writeRequest({ arguments: nest(33) }), { key }), 400, "BAD_REQUEST", /32 levels/);
    // Built as text: JSON.stringify itself overflows the stack on 5 000 levels; the server's parser must not.
    const deepText = `{"tool":"x.y","arguments":${'{"a":'.repeat(5000)}1${"}".repeat(5000)}}`;
    expectError(await postRaw("agent.submit", deepText, { key }), 400, "BAD_REQUEST", /32 levels/);
    const deepPreview = `{"tool":"x.y","arguments":{},"preview":{"changes":[{"path":"p","to":${"[".repeat(50_000)}${"]".repeat(50_000)}}]}}`;
    expectError(await postRaw("agent.submit", deepPreview, { key }), 400, "BAD_REQUEST", /32 levels/);

    expect((await post("agent.submit", writeRequest({ arguments: { b: "x".repeat(65536 - 8) } }), { key })).status).toBe(200);
    expectError(await post("agent.submit", writeRequest({ arguments: { b: "x".repeat(65536 - 7) } }), { key }), 400, "BAD_REQUEST", /64 KiB/);
    expectError(await post("agent.submit", writeRequest({ arguments: { b: "x".repeat(200 * 1024) } }), { key }), 400, "BAD_REQUEST", /64 KiB/);
  });

  it("out-of-range timeouts, unknown fields and bad tool names → 400", async () => {
    expectError(await post("agent.submit", writeRequest({ timeoutSeconds: 4 }), { key }), 400, "BAD_REQUEST", /at least 5/);
    expectError(await post("agent.submit", writeRequest({ timeoutSeconds: 86_401 }), { key }), 400, "BAD_REQUEST", /at most 86400/);
    expect((await post("agent.submit", writeRequest({ timeoutSeconds: 86_400 }), { key })).status).toBe(200);
    expectError(await post("agent.submit", writeRequest({ extra: true }), { key }), 400, "BAD_REQUEST", /extra/);
    expectError(await post("agent.submit", writeRequest({ annotations: { destructiveHint: true, dangerous: 1 } }), { key }), 400, "BAD_REQUEST", /dangerous/);
    expectError(await post("agent.submit", writeRequest({ tool: "github delete" }), { key }), 400, "BAD_REQUEST", /tool/);
    expectError(await post("agent.submit", writeRequest({ tool: "t".repeat(201) }), { key }), 400, "BAD_REQUEST");
    expect((await post("agent.submit", writeRequest({ tool: "t".repeat(200) }), { key })).status).toBe(200);
  });

  it("a denial without a reason → 400 and the request stays pending", async () => {
    const id = await pendingId();
    expectError(await post("review.decide", { id, decision: { type: "deny", reason: "" } }, { cookie: reviewer }), 400, "BAD_REQUEST", /reason/);
    expectError(await post("review.decide", { id, decision: { type: "deny", reason: "   " } }, { cookie: reviewer }), 400, "BAD_REQUEST", /reason/);
    expectError(await post("review.decide", { id, decision: { type: "deny" } }, { cookie: reviewer }), 400, "BAD_REQUEST");
    expect((await get("agent.get", { id }, { key })).body?.result?.data.status).toBe("pending");
  });

  it("another agent's request → 404; a wait over 60 s → 400", async () => {
    const id = await pendingId();
    expectError(await get("agent.get", { id }, { key: otherKey }), 404, "NOT_FOUND");
    expectError(await post("agent.cancel", { id }, { key: otherKey }), 404, "NOT_FOUND");
    expectError(await get("agent.wait", { id, timeoutMs: 60_001 }, { key }), 400, "BAD_REQUEST", /60000/);
    expectError(await get("agent.get", { id: "not-a-uuid" }, { key }), 400, "BAD_REQUEST");
  });

  it("~200 fuzzed bodies at agent.submit and review.decide: none is a 500, and the audit chain still verifies", async () => {
    const r = rng(Number(process.env.FUZZ_SEED ?? 0xc0ffee)); // FUZZ_SEED=n to explore other cases
    const ids = await Promise.all(Array.from({ length: 10 }, () => pendingId()));
    const obj = () => {
      const v = randomJson(r);
      return v !== null && typeof v === "object" && !Array.isArray(v) ? v : { v };
    };
    const bodies: { path: string; text: string; auth: Auth }[] = [];
    for (let i = 0; i < 100; i++) {
      const roll = r();
      let input: unknown;
      if (roll < 0.2) input = { raw: pick(r, RAW_BODIES) };
      else if (roll < 0.35) input = randomJson(r);
      else if (roll < 0.65) input = mutate(r, writeRequest());
      else input = writeRequest({ arguments: obj(), summary: String(pick(r, [randomJson(r), "ok"])), preview: { changes: [{ path: "p", from: randomJson(r), to: randomJson(r) }], targetVersion: "v1" } });
      const text = typeof input === "object" && input !== null && "raw" in input ? String(input.raw) : (JSON.stringify(input) ?? "null");
      bodies.push({ path: "agent.submit", text, auth: { key } });
    }
    for (let i = 0; i < 100; i++) {
      const roll = r();
      const id = pick(r, ids);
      const approve = { type: "approve", finalArguments: { owner: "acme", repo: "x" }, comment: "ok" };
      let input: unknown;
      if (roll < 0.2) input = { raw: pick(r, RAW_BODIES) };
      else if (roll < 0.35) input = randomJson(r);
      else if (roll < 0.65) input = r() < 0.5 ? mutate(r, { id, decision: approve }) : { id, decision: mutate(r, approve) };
      else input = { id, decision: r() < 0.5 ? { type: "approve", finalArguments: obj() } : { type: "deny", reason: String(pick(r, [randomJson(r), "no"])) } };
      const text = typeof input === "object" && input !== null && "raw" in input ? String(input.raw) : (JSON.stringify(input) ?? "null");
      bodies.push({ path: "review.decide", text, auth: { cookie: reviewer } });
    }
    const results: { i: number; res: Res }[] = [];
    for (let i = 0; i < bodies.length; i += 10) {
      const batch = bodies.slice(i, i + 10);
      const got = await Promise.all(batch.map((b) => postRaw(b.path, b.text, b.auth)));
      got.forEach((res, j) => results.push({ i: i + j, res }));
    }
    const bad = results.filter(({ res }) => res.status >= 500 || res.status === 0);
    expect(bad.map(({ i, res }) => `#${i} ${bodies[i]?.path} ${res.status} ${bodies[i]?.text.slice(0, 200)} → ${res.text.slice(0, 200)}`), server.output()).toEqual([]);
    const statuses = new Set(results.map(({ res }) => res.status));
    for (const s of [200, 400, 409]) expect(statuses).toContain(s);
    const verify = await get("audit.verify", {}, { cookie: admin });
    expect(verify.body?.result?.data).toMatchObject({ ok: true });
  });

  it("afterwards: the server is alive, logged no internal error, and every error body is JSON with error.data.code", async () => {
    expect(server.proc.exitCode).toBeNull();
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(server.output()).not.toMatch(/internal error|INTERNAL_SERVER_ERROR|request failed|tRPC [\w.?]+:/i);
    expect(seen.length).toBeGreaterThan(200);
    const malformed = seen.filter(({ res }) => res.status >= 400 && (typeof res.body?.error?.data?.code !== "string" || res.body.error.data.httpStatus !== res.status));
    expect(malformed.map(({ what, res }) => `${what} → ${res.status} ${res.text.slice(0, 200)}`)).toEqual([]);
    expect(seen.every(({ res }) => res.body !== null)).toBe(true);
  });
});
