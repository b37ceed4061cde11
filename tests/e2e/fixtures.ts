import { test as base, expect, type Page } from "@playwright/test";
import { startServer, type RunningServer } from "../fixtures/server";
import { tempDatabaseUrl } from "../fixtures/test-db";
import { createTestRuntime, makeAgent, makeUser } from "../fixtures/runtime";
import type { Role } from "@/server/domain/auth/roles";

export type App = {
  url: string;
  databaseUrl: string;
  server: RunningServer;
  /** A user created straight in the database (no UI), for tests that are not about user management. */
  user(role: Role): Promise<{ email: string; password: string }>;
  /** An agent and its API key. */
  agent(mode?: "read_only" | "write_idempotent" | "write_destructive"): Promise<{ apiKey: string; name: string }>;
};

/** One real server (pages on) per worker, on its own SQLite file. */
export const test = base.extend<object, { app: App }>({
  app: [
    async ({}, use) => {
      const databaseUrl = tempDatabaseUrl("e2e");
      const server = await startServer({ databaseUrl, env: { COUNTERSIGN_WEB: "on" } });
      const rt = createTestRuntime({ databaseUrl });
      await use({
        url: server.url,
        databaseUrl,
        server,
        user: async (role) => {
          const u = await makeUser(rt, role);
          return { email: u.email, password: u.password };
        },
        agent: async (mode = "write_destructive") => {
          const a = await makeAgent(rt, mode);
          return { apiKey: a.apiKey, name: a.actor.agentName };
        },
      });
      rt.close();
      await server.stop();
    },
    { scope: "worker", timeout: 60_000 },
  ],
});

export { expect };

export async function signInAs(page: Page, app: App, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${app.url}/sign-in`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${app.url}/`);
}

/** Fails the test on any script execution a hostile payload could cause, and on console errors. */
export function watchForScriptExecution(page: Page): { problems: string[] } {
  const problems: string[] = [];
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  return { problems };
}
