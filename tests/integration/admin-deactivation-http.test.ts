import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../fixtures/server";
import { tempDatabaseUrl } from "../fixtures/test-db";
import { data, signIn, trpc } from "../fixtures/http";
import { createTestRuntime, makeUser } from "../fixtures/runtime";

/** Over the real server: sessions, better-auth's sign-in route and the CSRF rules all take part. */
describe("admin: deactivation and roles over HTTP", () => {
  let server: RunningServer;
  let adminCookie: string;
  let target: { email: string; password: string; userId: string };
  let viewerCookie: string;

  beforeAll(async () => {
    const databaseUrl = tempDatabaseUrl("admin-http");
    const setup = createTestRuntime({ databaseUrl });
    const admin = await makeUser(setup, "admin");
    const t = await makeUser(setup, "reviewer");
    const viewer = await makeUser(setup, "viewer");
    target = { email: t.email, password: t.password, userId: t.actor.userId };
    setup.close();
    server = await startServer({ databaseUrl });
    adminCookie = await signIn(server.url, admin.email, admin.password);
    viewerCookie = await signIn(server.url, viewer.email, viewer.password);
  });
  afterAll(async () => server?.stop());

  it("a non-admin gets 403 from the admin API", async () => {
    for (const path of ["agents.list", "users.list", "settings.get"]) {
      expect((await trpc(server.url, path, {}, { cookie: viewerCookie, method: "GET" })).status).toBe(403);
    }
    expect((await trpc(server.url, "agents.create", { name: "x", mode: "read_only" }, { cookie: viewerCookie })).status).toBe(403);
    expect((await trpc(server.url, "agents.list", {}, { method: "GET" })).status).toBe(401);
  });

  it("a deactivated user's session stops working and they cannot sign in; reactivated, they can", async () => {
    const cookie = await signIn(server.url, target.email, target.password);
    expect((await trpc(server.url, "me.get", {}, { cookie, method: "GET" })).status).toBe(200);

    const r = await trpc(server.url, "users.deactivate", { userId: target.userId }, { cookie: adminCookie });
    expect(data(r)).toMatchObject({ changed: true });

    expect((await trpc(server.url, "me.get", {}, { cookie, method: "GET" })).status).toBe(401);
    const session = await fetch(`${server.url}/api/auth/get-session`, { headers: { cookie } });
    expect(await session.json()).toBeNull();
    await expect(signIn(server.url, target.email, target.password)).rejects.toThrow(/sign-in failed: 403.*deactivated/);

    expect(data(await trpc(server.url, "users.reactivate", { userId: target.userId }, { cookie: adminCookie }))).toMatchObject({ changed: true });
    const again = await signIn(server.url, target.email, target.password);
    expect((await trpc(server.url, "me.get", {}, { cookie: again, method: "GET" })).status).toBe(200);
    // The old session was deleted, not merely hidden: reactivation does not bring it back.
    expect((await trpc(server.url, "me.get", {}, { cookie, method: "GET" })).status).toBe(401);
  });

  it("refuses an admin mutation from a foreign origin (CSRF)", async () => {
    const r = await trpc(server.url, "users.deactivate", { userId: target.userId }, { cookie: adminCookie, headers: { origin: "https://evil.example" } });
    expect(r.status).toBe(403);
  });

  it("a role change applies to the user's very next request", async () => {
    const cookie = await signIn(server.url, target.email, target.password);
    expect((await trpc(server.url, "users.list", {}, { cookie, method: "GET" })).status).toBe(403);
    await trpc(server.url, "users.setRole", { userId: target.userId, role: "admin" }, { cookie: adminCookie });
    expect((await trpc(server.url, "users.list", {}, { cookie, method: "GET" })).status).toBe(200);
    await trpc(server.url, "users.setRole", { userId: target.userId, role: "reviewer" }, { cookie: adminCookie });
  });
});
