import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "@/server/runtime/runtime";
import type { UserActor } from "@/server/api/context";
import { deactivateUser } from "@/server/services/users/deactivate-user";
import { setUserRole } from "@/server/services/users/set-user-role";
import { createTestRuntime, makeUser, userCaller } from "../fixtures/runtime";
import { detailsOf, failure } from "../fixtures/errors";

describe("admin: users and roles", () => {
  let rt: Runtime;
  let admin: UserActor;

  beforeAll(async () => {
    rt = createTestRuntime();
    admin = (await makeUser(rt, "admin")).actor;
  });
  afterAll(() => rt.close());

  const events = async (action: string) =>
    (await rt.store.auditPage(0, 10_000)).filter((e) => e.action === action).map((e) => ({ actorId: e.actorId, data: JSON.parse(e.data) as Record<string, unknown> }));

  it.each(["reviewer", "viewer"] as const)("refuses every users and settings procedure to a %s (403)", async (role) => {
    const me = (await makeUser(rt, role)).actor;
    const other = (await makeUser(rt, "viewer")).actor;
    const c = userCaller(rt, me);
    const calls = [
      c.users.list(),
      c.users.create({ email: `x-${role}@example.com`, password: "long enough pw", role: "admin" }),
      c.users.setRole({ userId: me.userId, role: "admin" }),
      c.users.setRole({ userId: other.userId, role: "admin" }),
      c.users.deactivate({ userId: other.userId }),
      c.users.reactivate({ userId: other.userId }),
      c.settings.get(),
    ];
    for (const call of calls) expect((await failure(call)).code).toBe("FORBIDDEN");
    expect((await rt.store.getUser(me.userId))?.role).toBe(role);
    expect(await rt.store.findUserByEmail(`x-${role}@example.com`)).toBeNull();
  });

  it("creates a user with a role, audited; lists without credentials", async () => {
    const c = userCaller(rt, admin);
    const u = await c.users.create({ email: "New.Reviewer@Example.com", name: "New Reviewer", password: "correct horse battery", role: "reviewer" });
    expect(u).toMatchObject({ email: "new.reviewer@example.com", role: "reviewer" });
    const listed = (await c.users.list()).find((x) => x.id === u.id);
    expect(listed).toEqual({ id: u.id, email: "new.reviewer@example.com", name: "New Reviewer", role: "reviewer", createdAt: expect.any(String) as unknown, disabledAt: null });
    expect(JSON.stringify(await c.users.list())).not.toMatch(/password|scrypt|correct horse/);
    expect(await events("user.created")).toContainEqual({ actorId: admin.userId, data: expect.objectContaining({ userId: u.id, role: "reviewer", channel: "web" }) as unknown });
    expect((await failure(c.users.create({ email: "new.reviewer@example.com", password: "another password", role: "viewer" }))).code).toBe("CONFLICT");
    expect((await failure(c.users.create({ email: "short@example.com", password: "short", role: "viewer" }))).code).toBe("BAD_REQUEST");
  });

  it("changes a role (takes effect on the next request), audited with before and after", async () => {
    const target = (await makeUser(rt, "viewer")).actor;
    const c = userCaller(rt, admin);
    expect(await c.users.setRole({ userId: target.userId, role: "reviewer" })).toMatchObject({ changed: true });
    expect((await rt.store.getUser(target.userId))?.role).toBe("reviewer");
    expect(await c.users.setRole({ userId: target.userId, role: "reviewer" })).toMatchObject({ changed: false });
    expect(await events("user.role_changed")).toContainEqual({ actorId: admin.userId, data: expect.objectContaining({ userId: target.userId, from: "viewer", to: "reviewer" }) as unknown });
    expect((await failure(c.users.setRole({ userId: "no-such-user", role: "viewer" }))).code).toBe("NOT_FOUND");
  });

  it("an admin cannot demote or deactivate themself", async () => {
    const c = userCaller(rt, admin);
    expect((await failure(c.users.setRole({ userId: admin.userId, role: "reviewer" }))).code).toBe("FORBIDDEN");
    expect((await failure(c.users.deactivate({ userId: admin.userId }))).code).toBe("FORBIDDEN");
    expect(await rt.store.getUser(admin.userId)).toMatchObject({ role: "admin", disabledAt: null });
  });

  it("never removes the last active admin, whoever asks (the check is inside the write)", async () => {
    // A fresh installation with exactly one admin; the CLI (a system actor) is not bound by the self rule.
    const solo = createTestRuntime();
    try {
      const only = (await makeUser(solo, "admin")).actor;
      const cli = solo.svc({ type: "system", job: "cli", channel: "cli" });
      const demote = await failure(userCaller(solo, only).users.setRole({ userId: only.userId, role: "viewer" }));
      expect(demote.code).toBe("FORBIDDEN");
      await expect(setUserRole({ ctx: cli, input: { userId: only.userId, role: "viewer" } })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", data: { reason: "last_admin" } });
      await expect(deactivateUser({ ctx: cli, input: { userId: only.userId } })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });

      // Two admins demoting each other at the same moment: exactly one wins.
      const second = (await makeUser(solo, "admin")).actor;
      const results = await Promise.allSettled([
        userCaller(solo, only).users.setRole({ userId: second.userId, role: "reviewer" }),
        userCaller(solo, second).users.setRole({ userId: only.userId, role: "reviewer" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const lost = results.find((r) => r.status === "rejected");
      expect(lost?.status === "rejected" && detailsOf(lost.reason as never)).toMatchObject({ reason: "last_admin" });
      const admins = (await solo.store.listUsers()).filter((u) => u.role === "admin" && !u.disabledAt);
      expect(admins).toHaveLength(1);
    } finally {
      solo.close();
    }
  });

  it("deactivates and reactivates; a deactivated admin does not count as an admin", async () => {
    const target = (await makeUser(rt, "reviewer")).actor;
    const c = userCaller(rt, admin);
    expect(await c.users.deactivate({ userId: target.userId })).toMatchObject({ changed: true });
    expect((await c.users.list()).find((u) => u.id === target.userId)?.disabledAt).not.toBeNull();
    expect(await c.users.deactivate({ userId: target.userId })).toMatchObject({ changed: false });
    expect(await c.users.reactivate({ userId: target.userId })).toMatchObject({ changed: true });
    expect((await rt.store.getUser(target.userId))?.disabledAt).toBeNull();
    expect((await events("user.deactivated")).map((e) => e.data.userId)).toContain(target.userId);
    expect((await events("user.reactivated")).map((e) => e.data.userId)).toContain(target.userId);
  });

  it("settings: what is configured, never a secret", async () => {
    const s = await userCaller(rt, admin).settings.get();
    expect(s).toMatchObject({ defaultTimeoutSeconds: 300, executionTokenTtlSeconds: 900, authRateLimit: false, authSecret: "environment", slack: { configured: false } });
    expect(s.database.path).toMatch(/countersign\.db$/);
    expect(s.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(JSON.stringify(s)).not.toContain("test-secret");
  });
});
