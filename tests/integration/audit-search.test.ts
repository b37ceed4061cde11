import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "@/server/runtime/runtime";
import type { AgentActor, UserActor } from "@/server/api/context";
import { SYSTEM_TIMEOUT } from "@/server/services/context";
import { expireDueRequests } from "@/server/services/approval/expire-due";
import type { AuditItem } from "@/server/services/audit/present";
import Database from "better-sqlite3";
import { facetsOf, type AuditFacetValues } from "@/server/domain/audit/search-index";
import { sqlitePathFromUrl } from "@/server/db/client";
import type { JsonValue } from "@/server/domain/json/canonical";
import { agentCaller, createTestRuntime, makeAgent, makeUser, userCaller, writeRequest } from "../fixtures/runtime";
import { tempDatabaseUrl } from "../fixtures/test-db";
import { failure } from "../fixtures/errors";

type SearchInput = Parameters<ReturnType<typeof userCaller>["audit"]["search"]>[0];

describe("audit.search: full text, facets, keyset pages", () => {
  const databaseUrl = tempDatabaseUrl("audit-search");
  let clock = Date.parse("2030-03-01T09:00:00.000Z");
  let rt: Runtime;
  let deployBot: AgentActor;
  let dataBot: AgentActor;
  let reviewer: UserActor;
  let viewer: UserActor;
  const ids: Record<string, string> = {};

  const search = (input: SearchInput) => userCaller(rt, reviewer).audit.search(input);
  const actions = (items: AuditItem[]) => items.map((i) => `${i.action}:${Object.keys(ids).find((k) => ids[k] === i.requestId) ?? "-"}`);

  beforeAll(async () => {
    rt = createTestRuntime({ databaseUrl, now: () => new Date(clock) });
    rt.scheduler.stop();
    deployBot = (await makeAgent(rt, "write_destructive", "deploy-bot")).actor;
    dataBot = (await makeAgent(rt, "write_destructive", "data-bot")).actor;
    reviewer = (await makeUser(rt, "reviewer", "rita@example.com")).actor;
    viewer = (await makeUser(rt, "viewer")).actor;
    const decide = userCaller(rt, reviewer).review.decide;

    ids.legacy = (await agentCaller(rt, deployBot).agent.submit(writeRequest({ arguments: { owner: "acme", repo: "zephyr-legacy" }, summary: "Remove an old site" }))).id;
    clock += 90_000;
    await decide({ id: ids.legacy, decision: { type: "deny", reason: "not during the freeze" } });

    clock += 1_000;
    ids.migration = (await agentCaller(rt, dataBot).agent.submit(writeRequest({ tool: "db.run_migration", annotations: { destructiveHint: false }, arguments: { database: "orders", migration: "0042_add_index" } }))).id;
    clock += 30_000;
    await decide({ id: ids.migration, decision: { type: "approve", comment: "checked in staging" } });
    const token = (await agentCaller(rt, dataBot).agent.get({ id: ids.migration })).executionToken ?? "";
    await agentCaller(rt, dataBot).agent.claim({ id: ids.migration, executionToken: token });
    await agentCaller(rt, dataBot).agent.reportOutcome({ id: ids.migration, outcome: "failed", detail: "lock timeout" });

    clock += 1_000;
    ids.query = (await agentCaller(rt, dataBot).agent.submit(writeRequest({ tool: "db.query", annotations: { readOnlyHint: true }, arguments: { sql: "select 1" } }))).id;
    ids.cancelled = (await agentCaller(rt, deployBot).agent.submit(writeRequest({ arguments: { repo: "scratchpad" } }))).id;
    await agentCaller(rt, deployBot).agent.cancel({ id: ids.cancelled, reason: "superseded" });

    clock = Date.parse("2030-03-02T12:00:00.000Z");
    ids.expired = (await agentCaller(rt, deployBot).agent.submit(writeRequest({ arguments: { repo: "nightly-builds" }, timeoutSeconds: 5 }))).id;
    clock += 6_000;
    await expireDueRequests({ ctx: rt.svc(SYSTEM_TIMEOUT) });
  });
  afterAll(() => rt?.close());

  it("finds a request by a word in its arguments, and its decision through the submission's text", async () => {
    const page = await search({ q: "zephyr" });
    expect(actions(page.items)).toEqual(["request.denied:legacy", "request.submitted:legacy"]);
    expect(page.nextCursor).toBeNull();
    // Prefix, case and punctuation as a person types them.
    expect(actions((await search({ q: "ZEPHYR-leg" })).items)).toEqual(["request.denied:legacy", "request.submitted:legacy"]);
    expect(actions((await search({ q: "freeze" })).items)).toEqual(["request.denied:legacy"]);
    expect(actions((await search({ q: "staging orders" })).items)).toEqual(["request.approved:migration"]);
  });

  it("shows each event's facets and a plain-text excerpt", async () => {
    const [denied] = (await search({ q: "zephyr", outcome: "denied" })).items;
    expect(denied).toMatchObject({ action: "request.denied", actorType: "user", actor: "rita@example.com", outcome: "denied", agent: "deploy-bot", tool: "github.delete_repository", risk: "critical", channel: "web" });
    expect(denied?.excerpt).toContain("reason: not during the freeze");
  });

  it("filters by outcome, risk, agent, reviewer, channel and tool", async () => {
    expect(actions((await search({ outcome: "denied" })).items)).toEqual(["request.denied:legacy"]);
    expect(actions((await search({ outcome: "expired" })).items)).toEqual(["request.expired:expired"]);
    expect(actions((await search({ outcome: "cancelled", agent: "deploy-bot" })).items)).toEqual(["request.cancelled:cancelled"]);
    expect(actions((await search({ outcome: "approved", channel: "policy" })).items)).toEqual(["request.approved:query"]);
    expect(actions((await search({ reviewer: reviewer.userId })).items)).toEqual(["request.approved:migration", "request.denied:legacy"]);
    expect(actions((await search({ agent: "data-bot", tool: "db.query" })).items)).toEqual(["request.approved:query", "policy.evaluated:query", "request.submitted:query"]);
    expect((await search({ risk: "low" })).items.every((i) => i.risk === "low")).toBe(true);
    expect(actions((await search({ outcome: "failed", agent: "data-bot" })).items)).toEqual(["execution.reported:migration"]);
    expect(actions((await search({ q: "lock", outcome: "failed" })).items)).toEqual(["execution.reported:migration"]);
    expect(actions((await search({ q: "zephyr", outcome: "approved" })).items)).toEqual([]);
    expect((await search({ agent: "nobody" })).items).toEqual([]);
  });

  it("limits to a time range (a day is taken in UTC, `to` through its end)", async () => {
    const day2 = await search({ from: "2030-03-02", to: "2030-03-02" });
    expect(new Set(day2.items.map((i) => i.requestId))).toEqual(new Set([ids.expired]));
    const day1 = await search({ outcome: "denied", from: "2030-03-01T00:00:00Z", to: "2030-03-01T23:59:59Z" });
    expect(actions(day1.items)).toEqual(["request.denied:legacy"]);
    expect((await search({ outcome: "denied", from: "2030-03-02" })).items).toEqual([]);
  });

  it("finds a request's events by its id pasted into the search box", async () => {
    const page = await search({ q: ` ${ids.migration ?? ""} ` });
    expect(actions(page.items)).toEqual([
      "execution.reported:migration",
      "execution.claimed:migration",
      "request.approved:migration",
      "policy.evaluated:migration",
      "request.submitted:migration",
    ]);
  });

  it("pages by keyset: every event once, newest first, however small the page", async () => {
    const all = (await search({ limit: 100 })).items.map((i) => i.seq);
    expect(all.length).toBeGreaterThan(15);
    for (const input of [{}, { q: "deploy" }, { agent: "deploy-bot" }] satisfies SearchInput[]) {
      const full = (await search({ ...input, limit: 100 })).items.map((i) => i.seq);
      const seen: number[] = [];
      let cursor: number | null = null;
      do {
        const page: Awaited<ReturnType<typeof search>> = await search({ ...input, limit: 3, cursor });
        expect(page.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.items.map((i) => i.seq));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(seen).toEqual(full);
      expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    }
  });

  it.each(['"', "*", "NEAR(", "-", ":", "'", "(", ")", "^", "AND", "OR NOT", '"unterminated', "body:x", "facets : zzo", "a* * *b", "\\", "%_", "‮", "🙂", "x".repeat(500)])(
    "answers %j without an error",
    async (q) => {
      const page = await search({ q });
      expect(Array.isArray(page.items)).toBe(true);
    },
  );

  it("does not let text in the data pose as a facet", async () => {
    // The token the index holds for outcome=denied, put in the arguments of a pending request.
    const forged = `zzo${Buffer.from("denied").toString("hex")}`;
    await agentCaller(rt, dataBot).agent.submit(writeRequest({ arguments: { note: forged } }));
    expect(actions((await search({ outcome: "denied" })).items)).toEqual(["request.denied:legacy"]);
    expect((await search({ q: forged })).items.map((i) => i.action)).toEqual(["request.submitted"]);
  });

  it("keeps up: an event is searchable as soon as the write that made it returns", async () => {
    const id = (await agentCaller(rt, dataBot).agent.submit(writeRequest({ arguments: { ticket: "OPS-777 quokka" } }))).id;
    expect((await search({ q: "quokka" })).items.map((i) => i.requestId)).toEqual([id]);
    await userCaller(rt, reviewer).review.decide({ id, decision: { type: "approve" } });
    expect((await search({ q: "quokka", outcome: "approved" })).items.map((i) => i.action)).toEqual(["request.approved"]);
  });

  it("indexes new events in the background shortly after their commit, without a search asking", async () => {
    const count = (sql: string) => rt.db.$client.prepare(sql).pluck().get() as number;
    await agentCaller(rt, dataBot).agent.submit(writeRequest({ arguments: { note: "background" } }));
    expect(count("SELECT count(*) FROM audit_event")).toBeGreaterThan(count("SELECT count(*) FROM audit_fts_docsize"));
    await new Promise((r) => setTimeout(r, 400));
    expect(count("SELECT count(*) FROM audit_fts_docsize")).toBe(count("SELECT count(*) FROM audit_event"));
  });

  it("renders hidden characters visibly in the excerpt", async () => {
    await agentCaller(rt, dataBot).agent.submit(writeRequest({ summary: "rename invoice\u202Efdp.exe", arguments: { file: "a\u200Bb" } }));
    const [item] = (await search({ q: "invoice" })).items;
    expect(item?.excerpt).toContain("⟨U+202E⟩");
    expect(item?.excerpt).toContain("⟨U+200B⟩");
    expect(item?.excerpt).not.toMatch(/[\u202E\u200B]/);
  });

  it("is for reviewers and admins; a viewer is refused", async () => {
    expect(await failure(userCaller(rt, viewer).audit.search({}))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(userCaller(rt, viewer).audit.stats({}))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("rejects a malformed filter as a bad request, not an error", async () => {
    expect(await failure(search({ limit: 101 }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await failure(search({ from: "yesterday" }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await failure(search({ outcome: "maybe" as "denied" }))).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("lists the agents, tools and reviewers that occur, for the filter menus", async () => {
    const f = await userCaller(rt, reviewer).audit.facets();
    expect(f.agents).toEqual(expect.arrayContaining(["data-bot", "deploy-bot"]));
    expect(f.tools).toEqual(expect.arrayContaining(["db.query", "db.run_migration", "github.delete_repository"]));
    expect(f.reviewers).toEqual([{ id: reviewer.userId, label: "rita@example.com" }]);
  });

  it("derives the same facets for the index as the generated columns show, on every event", () => {
    type Row = { action: string; actorType: string; actorId: string; data: string } & AuditFacetValues;
    const rows = rt.db.$client.prepare("SELECT action, actor_type AS actorType, actor_id AS actorId, data, outcome, risk, agent, tool, channel, reviewer FROM audit_event").all() as Row[];
    expect(new Set(rows.map((r) => r.action)).size).toBeGreaterThanOrEqual(10);
    for (const { action, actorType, actorId, data, ...columns } of rows) {
      expect(facetsOf({ action, actorType, actorId, data: JSON.parse(data) as JsonValue }), action).toEqual(columns);
    }
  });

  it("indexes on start-up whatever the index is missing (the backfill after the migration)", async () => {
    const before = (await search({ q: "zephyr" })).items.map((i) => i.seq);
    rt.close();
    const raw = new Database(sqlitePathFromUrl(databaseUrl));
    raw.exec("INSERT INTO audit_fts (audit_fts) VALUES ('delete-all')");
    const events = raw.prepare("SELECT count(*) FROM audit_event").pluck().get() as number;
    expect(raw.prepare("SELECT count(*) FROM audit_fts_docsize").pluck().get()).toBe(0);
    raw.close();
    rt = createTestRuntime({ databaseUrl, now: () => new Date(clock) });
    rt.scheduler.stop();
    // Indexed by opening the store, before any search asked for it.
    expect(rt.db.$client.prepare("SELECT count(*) FROM audit_fts_docsize").pluck().get()).toBe(events);
    expect((await search({ q: "zephyr" })).items.map((i) => i.seq)).toEqual(before);
  });
});
