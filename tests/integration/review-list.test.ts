import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "@/server/runtime/runtime";
import type { AgentActor, UserActor } from "@/server/api/context";
import { agentCaller, createTestRuntime, makeAgent, makeUser, userCaller, writeRequest } from "../fixtures/runtime";
import { failure } from "../fixtures/errors";

type ListInput = Parameters<ReturnType<typeof userCaller>["review"]["list"]>[0];

describe("review.list: the inbox order, filters and keyset pages", () => {
  let rt: Runtime;
  let clock = new Date("2030-01-01T00:00:00.000Z");
  let deployBot: AgentActor;
  let dataBot: AgentActor;
  let viewer: UserActor;
  let reviewer: UserActor;
  const ids: Record<string, string> = {};
  const submit = async (name: string, who: AgentActor, body: Record<string, unknown>) => {
    ids[name] = (await agentCaller(rt, who).agent.submit(writeRequest(body))).id;
  };
  const list = (input: ListInput) => userCaller(rt, viewer).review.list(input);
  const names = (items: { id: string }[]) => items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id));

  beforeAll(async () => {
    rt = createTestRuntime({ now: () => clock });
    deployBot = (await makeAgent(rt, "write_destructive", "deploy-bot")).actor;
    dataBot = (await makeAgent(rt, "write_destructive", "data-bot")).actor;
    viewer = (await makeUser(rt, "viewer")).actor;
    reviewer = (await makeUser(rt, "reviewer")).actor;
    // Submitted in an order unlike their deadlines; "tie-a" and "tie-b" share one deadline.
    await submit("late", deployBot, { tool: "github.delete_repository", timeoutSeconds: 900 });
    await submit("soon", dataBot, { tool: "db.run_migration", annotations: { destructiveHint: false }, timeoutSeconds: 60 });
    await submit("tie-a", deployBot, { tool: "k8s.scale_deployment", annotations: { destructiveHint: false }, timeoutSeconds: 300 });
    await submit("tie-b", dataBot, { tool: "K8S.Restart_Pod", annotations: { destructiveHint: false }, timeoutSeconds: 300 });
    await submit("decided", deployBot, { tool: "github.archive_repository", timeoutSeconds: 30 });
    await submit("read", dataBot, { tool: "db.query", annotations: { readOnlyHint: true } });
    await userCaller(rt, reviewer).review.decide({ id: ids.decided ?? "", decision: { type: "deny", reason: "no" } });
  });
  afterAll(() => rt?.close());

  it("sort deadline: pending only, the soonest default-deny first, ties by id", async () => {
    const { items, nextCursor } = await list({ sort: "deadline" });
    const tie = [ids["tie-a"] ?? "", ids["tie-b"] ?? ""].sort();
    expect(items.map((i) => i.id)).toEqual([ids.soon, ...tie, ids.late]);
    expect(nextCursor).toBeNull();
    expect(items.every((i) => i.status === "pending")).toBe(true);
  });

  it("pages through equal deadlines without skipping or repeating, with opaque cursors", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const r = await list({ sort: "deadline", limit: 1, cursor });
      seen.push(...r.items.map((i) => i.id));
      if (!r.nextCursor) break;
      expect(r.nextCursor).not.toMatch(/^[0-9a-f-]{36}$/);
      cursor = r.nextCursor;
    }
    expect(seen).toEqual((await list({ sort: "deadline" })).items.map((i) => i.id));
    expect(new Set(seen).size).toBe(4);
  });

  it("drops a pending request once its deadline has passed, before any sweep", async () => {
    const saved = clock;
    clock = new Date(saved.getTime() + 61_000);
    try {
      expect(names((await list({ sort: "deadline" })).items)).not.toContain("soon");
      expect(names((await list({ status: "pending" })).items)).not.toContain("soon");
    } finally {
      clock = saved;
    }
  });

  it("filters by risk, agent and a case-insensitive part of the tool name", async () => {
    expect(names((await list({ sort: "deadline", risk: "critical" })).items)).toEqual(["late"]);
    expect(names((await list({ sort: "deadline", agentId: dataBot.agentId })).items).sort()).toEqual(["soon", "tie-b"]);
    expect(names((await list({ sort: "deadline", tool: "k8s." })).items).sort()).toEqual(["tie-a", "tie-b"]);
    expect(names((await list({ sort: "deadline", tool: "RESTART" })).items)).toEqual(["tie-b"]);
    expect(names((await list({ sort: "newest", agentId: deployBot.agentId, tool: "repository" })).items)).toEqual(["decided", "late"]);
  });

  it("treats the tool filter as text, not a LIKE pattern", async () => {
    expect((await list({ sort: "newest", tool: "%" })).items).toEqual([]);
    expect((await list({ sort: "newest", tool: "_" })).items.length).toBeGreaterThan(0);
    expect((await list({ sort: "newest", tool: "db_run" })).items).toEqual([]);
  });

  it("sort newest (the default): every status, newest first, paged", async () => {
    const all = await list({});
    expect(names(all.items)).toEqual(["read", "decided", "tie-b", "tie-a", "soon", "late"]);
    const first = await list({ limit: 4 });
    expect(first.nextCursor).not.toBeNull();
    const second = await list({ limit: 4, cursor: first.nextCursor ?? undefined });
    expect(names([...first.items, ...second.items])).toEqual(names(all.items));
    expect(second.nextCursor).toBeNull();
    // A bare request id was the cursor before it became opaque.
    expect(names((await list({ cursor: ids["tie-a"] })).items)).toEqual(["soon", "late"]);
  });

  it("refuses a cursor it did not hand out, or one from the other sort", async () => {
    const deadlineCursor = (await list({ sort: "deadline", limit: 1 })).nextCursor ?? "";
    for (const [cursor, sort] of [
      ["garbage", "newest"],
      [Buffer.from('{"s":"d","e":"x","i":"1"}').toString("base64url"), "deadline"],
      [deadlineCursor, "newest"],
      [ids.late ?? "", "deadline"],
    ] as const) {
      const e = await failure(list({ sort, cursor }));
      expect(e.code).toBe("BAD_REQUEST");
      expect(e.message).toMatch(/cursor/);
    }
  });

  it("refuses sort deadline with a status other than pending, and unknown risk tiers", async () => {
    expect((await failure(list({ sort: "deadline", status: "approved" }))).code).toBe("BAD_REQUEST");
    expect((await failure(list({ risk: "extreme" } as never))).code).toBe("BAD_REQUEST");
    expect(names((await list({ sort: "deadline", status: "pending" })).items)).toHaveLength(4);
    // tRPC's infinite queries add `direction` to the input.
    expect((await list({ sort: "deadline", direction: "forward" })).items).toHaveLength(4);
  });

  it('fields "summary" leaves out arguments, preview and schema; "full" (the default) keeps them', async () => {
    const full = (await list({ sort: "deadline" })).items.find((i) => i.id === ids.late);
    expect(full?.arguments).toEqual({ owner: "acme", repo: "legacy-site" });
    expect(full?.annotations).toEqual({ destructiveHint: true });
    const slim = (await list({ sort: "deadline", fields: "summary" })).items.find((i) => i.id === ids.late);
    expect(slim).toMatchObject({ id: ids.late, tool: "github.delete_repository", summary: "Delete the legacy-site repository", arguments: null, preview: null, argumentsSchema: null, annotations: null, redactedPaths: [] });
    expect(slim?.expiresAt).toBe(full?.expiresAt);
  });

  it("review.agents names every agent for the filter, for viewers too", async () => {
    const agents = await userCaller(rt, viewer).review.agents();
    expect(agents.map((a) => a.name)).toEqual(["data-bot", "deploy-bot"]);
    expect(agents.find((a) => a.name === "deploy-bot")?.id).toBe(deployBot.agentId);
  });
});
