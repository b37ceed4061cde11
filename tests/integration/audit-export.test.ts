import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChainVerifier } from "@/server/domain/audit/chain";
import type { JsonValue } from "@/server/domain/json/canonical";
import { csvField } from "@/server/services/audit/export";
import { startServer, type RunningServer } from "../fixtures/server";
import { tempDatabaseUrl } from "../fixtures/test-db";
import { data, signIn, trpc } from "../fixtures/http";
import { createTestRuntime, makeAgent, makeUser, userCaller, writeRequest, agentCaller } from "../fixtures/runtime";

type Line = { seq: number; at: string; actorType: "agent" | "user" | "system"; actorId: string; action: string; requestId: string | null; data: JsonValue; prevHash: string; hash: string };

describe("GET /api/audit/export over real HTTP", () => {
  let server: RunningServer;
  let admin: string;
  let adminEmail = "";
  let reviewer: string;
  let total = 0;
  let legacyId = "";
  const bulk = 4500;

  beforeAll(async () => {
    const databaseUrl = tempDatabaseUrl("audit-export");
    const setup = createTestRuntime({ databaseUrl });
    const agent = await makeAgent(setup, "write_destructive", "export-bot");
    const a = await makeUser(setup, "admin");
    adminEmail = a.email;
    const r = await makeUser(setup, "reviewer");
    legacyId = (await agentCaller(setup, agent.actor).agent.submit(writeRequest({ arguments: { repo: "zephyr-legacy" }, summary: "=HYPERLINK(\"http://evil\")" }))).id;
    await userCaller(setup, r.actor).review.decide({ id: legacyId, decision: { type: "deny", reason: "+1 no" } });
    // Enough events for the export to take several pages.
    await setup.store.appendAudit(
      Array.from({ length: bulk }, (_, i) => ({ actorType: "system" as const, actorId: "bulk", action: "test.bulk", requestId: null, data: { n: i, word: i % 2 ? "odd" : "even" } })),
      new Date(),
    );
    total = (await setup.store.auditPage(0, 100_000)).length;
    setup.close();
    server = await startServer({ databaseUrl });
    admin = await signIn(server.url, a.email, a.password);
    reviewer = await signIn(server.url, r.email, r.password);
  });
  afterAll(async () => server?.stop());

  const get = (query: string, cookie?: string) => fetch(`${server.url}/api/audit/export?${query}`, { headers: cookie ? { cookie } : {} });
  const lines = async (res: Response) => (await res.text()).split("\n").filter((l) => l !== "");

  it("streams the whole log as NDJSON, oldest first, as a download whose chain verifies", async () => {
    const res = await get("format=ndjson", admin);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="countersign-audit-[\d-]+\.ndjson"$/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const events = (await lines(res)).map((l) => JSON.parse(l) as Line);
    expect(events).toHaveLength(total);
    const v = new ChainVerifier();
    for (const e of events) expect(v.push(e)).toBe(true);
    expect(v.result()).toMatchObject({ ok: true, count: total });
    // The export itself is in the log once it has ended, with what it sent.
    type Found = { items: { action: string; actor: string; excerpt: string }[] };
    let exported: Found["items"][number] | undefined;
    // Written as the response ends, so it may land a moment after the client has the last byte.
    for (let i = 0; i < 50 && !exported; i++) {
      exported = data<Found>(await trpc(server.url, "audit.search", { q: "audit exported", limit: 1 }, { cookie: admin, method: "GET" })).items[0];
      if (!exported) await new Promise((r) => setTimeout(r, 20));
    }
    expect(exported).toMatchObject({ action: "audit.exported", actor: adminEmail });
    expect(exported?.excerpt).toContain(`events: ${total}`);
  });

  it("exports only the current filter: words and facets, across pages", async () => {
    const found = (await lines(await get(`format=ndjson&q=zephyr`, admin))).map((l) => JSON.parse(l) as Line);
    expect(found.map((e) => `${e.seq} ${e.action} ${JSON.stringify(e.data).slice(0, 120)}`)).toHaveLength(2);
    expect(found.map((e) => e.action)).toEqual(["request.submitted", "request.denied"]);
    expect(found.every((e) => e.requestId === legacyId)).toBe(true);
    const odd = (await lines(await get(`format=ndjson&q=odd`, admin))).map((l) => JSON.parse(l) as Line);
    expect(odd.filter((e) => e.action !== "test.bulk").map((e) => e.action)).toEqual([]);
    expect(odd).toHaveLength(bulk / 2);
    expect(odd.map((e) => e.seq)).toEqual([...odd.map((e) => e.seq)].sort((x, y) => x - y));
    const denied = (await lines(await get(`format=ndjson&outcome=denied&agent=export-bot`, admin))).map((l) => JSON.parse(l) as Line);
    expect(denied.map((e) => `${e.action} ${JSON.stringify(e.data).slice(0, 120)}`)).toHaveLength(1);
    expect(denied.map((e) => e.action)).toEqual(["request.denied"]);
  });

  it("writes CSV with a header, one quoted row per event, and no cell a spreadsheet would run", async () => {
    const res = await get(`format=csv&q=zephyr&agent=export-bot`, admin);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/\.csv"$/);
    const rows = await lines(res);
    expect(rows[0]).toBe("seq,at,actorType,actorId,action,requestId,data,prevHash,hash");
    expect(rows).toHaveLength(3);
    for (const row of rows.slice(1)) {
      expect(row.startsWith('"')).toBe(true);
      expect(row).not.toMatch(/(^|,)"[=+\-@]/);
    }
    expect(rows[1]).toContain("HYPERLINK");
    expect(csvField("=1+1")).toBe(`"'=1+1"`);
    expect(csvField("-2")).toBe(`"'-2"`);
    expect(csvField('say "hi"')).toBe(`"say ""hi"""`);
  });

  it("needs a session (401) and the admin role (403)", async () => {
    const anonymous = await get("format=ndjson");
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
    const asReviewer = await get("format=ndjson", reviewer);
    expect(asReviewer.status).toBe(403);
    expect(await asReviewer.json()).toMatchObject({ error: { code: "FORBIDDEN", message: expect.stringMatching(/admin/) as unknown } });
    expect((await get("format=ndjson", "better-auth.session_token=forged")).status).toBe(401);
  });

  it("refuses a bad query with 400 and other methods with 405", async () => {
    for (const q of ["", "format=xml", "format=csv&outcome=maybe", "format=csv&from=yesterday", "format=csv&limit=5"]) {
      const res = await get(q, admin);
      expect(res.status, q).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: "BAD_REQUEST" } });
    }
    const post = await fetch(`${server.url}/api/audit/export?format=csv`, { method: "POST", headers: { cookie: admin } });
    expect(post.status).toBe(405);
    const crossSite = await fetch(`${server.url}/api/audit/export?format=csv`, { headers: { cookie: admin, "sec-fetch-site": "cross-site" } });
    expect(crossSite.status).toBe(403);
  });

  it("takes hostile search text without failing, in the export and in audit.search", async () => {
    for (const q of ['"', "*", "NEAR(", "-", ":", "(a", "x OR", "‮"]) {
      const res = await get(`format=ndjson&q=${encodeURIComponent(q)}`, admin);
      expect(res.status, q).toBe(200);
      await res.text();
      const s = await trpc(server.url, "audit.search", { q }, { cookie: reviewer, method: "GET" });
      expect(s.status, q).toBe(200);
      expect(data<{ items: unknown[] }>(s).items).toBeInstanceOf(Array);
    }
    expect(server.output()).not.toMatch(/INTERNAL_SERVER_ERROR|request failed|internal error/i);
  });
});
