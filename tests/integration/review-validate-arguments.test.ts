import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "@/server/runtime/runtime";
import type { AgentActor, UserActor } from "@/server/api/context";
import { agentCaller, createTestRuntime, makeAgent, makeUser, userCaller, writeRequest } from "../fixtures/runtime";
import { failure } from "../fixtures/errors";

const schema = {
  type: "object",
  properties: { host: { type: "string" }, replicas: { type: "integer", maximum: 5 }, password: { type: "string", minLength: 12 } },
  required: ["host", "replicas", "password"],
  additionalProperties: false,
};

describe("review.validateArguments: what decide would say about modified arguments", () => {
  let rt: Runtime;
  let agent: AgentActor;
  let reviewer: UserActor;
  let viewer: UserActor;
  let id = "";
  let plainId = "";
  const check = (finalArguments: Record<string, unknown>, which = id) =>
    userCaller(rt, reviewer).review.validateArguments({ id: which, finalArguments: finalArguments as never });

  beforeAll(async () => {
    rt = createTestRuntime();
    agent = (await makeAgent(rt)).actor;
    reviewer = (await makeUser(rt, "reviewer")).actor;
    viewer = (await makeUser(rt, "viewer")).actor;
    const args = { host: "db1", replicas: 2, password: "a-long-original-secret" };
    id = (await agentCaller(rt, agent).agent.submit(writeRequest({ tool: "db.scale", arguments: args, argumentsSchema: schema }))).id;
    plainId = (await agentCaller(rt, agent).agent.submit(writeRequest({ arguments: { repo: "a" } }))).id;
  });
  afterAll(() => rt?.close());

  it("passes the redacted view unchanged: an untouched [REDACTED] stands for the original secret", async () => {
    const shown = (await userCaller(rt, reviewer).review.get({ id })).arguments as Record<string, unknown>;
    expect(shown.password).toBe("[REDACTED]");
    expect(await check(shown)).toEqual({ problems: [], changedPaths: [], hasSchema: true });
  });

  it("names each schema problem by JSON pointer and each changed path", async () => {
    const r = await check({ host: "db2", replicas: 9, password: "short", extra: true });
    expect(r.changedPaths.sort()).toEqual(["$.extra", "$.host", "$.password", "$.replicas"]);
    expect(r.problems).toEqual(
      expect.arrayContaining([
        { path: "/replicas", message: expect.stringMatching(/<= 5/) as unknown },
        { path: "/password", message: expect.stringMatching(/fewer than 12/) as unknown },
        { path: "/", message: expect.stringMatching(/additional properties/) as unknown },
      ]),
    );
  });

  it("agrees with decide: what it passes, decide accepts; what it refuses, decide refuses", async () => {
    const bad = { host: "db2", replicas: 9, password: "[REDACTED]" };
    expect((await check(bad)).problems).toHaveLength(1);
    expect((await failure(userCaller(rt, reviewer).review.decide({ id, decision: { type: "approve", finalArguments: bad } }))).code).toBe("BAD_REQUEST");
    const good = { host: "db2", replicas: 3, password: "[REDACTED]" };
    expect((await check(good)).problems).toEqual([]);
    const decided = await userCaller(rt, reviewer).review.decide({ id, decision: { type: "approve", finalArguments: good } });
    expect(decided.status).toBe("approved");
  });

  it("without an argumentsSchema reports only the changes", async () => {
    expect(await check({ repo: "b", note: 1 }, plainId)).toEqual({ problems: [], changedPaths: ["$.repo", "$.note"], hasSchema: false });
  });

  it("refuses what is not a JSON object, an unknown request, and viewers", async () => {
    expect((await failure(userCaller(rt, reviewer).review.validateArguments({ id, finalArguments: [1] as never }))).code).toBe("BAD_REQUEST");
    expect((await failure(check({}, "0190a0b0-0000-7000-8000-000000000000"))).code).toBe("NOT_FOUND");
    expect((await failure(userCaller(rt, viewer).review.validateArguments({ id, finalArguments: {} }))).code).toBe("FORBIDDEN");
  });
});
