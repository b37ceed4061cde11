import AxeBuilder from "@axe-core/playwright";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, signInAs, test, type App } from "./fixtures";
import { mediumRequest, submit } from "./agent-api";
import type { Page } from "@playwright/test";

const SHOTS = fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));

async function seed(app: App): Promise<string> {
  const { apiKey } = await app.agent();
  const critical = await submit(app, apiKey, {
    tool: "github.delete_repository",
    arguments: { owner: "acme", repo: "legacy-site", token: "ghp_abcdefghijklmnopqrstuvwxyz0123456789" },
    summary: "Delete the archived legacy-site repository",
    reason: "It has been archived for 18 months and confuses new hires.",
    preview: {
      changes: [
        { path: "repos/acme/legacy-site", from: "archived", to: null, warning: "2 open pull requests will be closed" },
        { path: "repos/acme/legacy-site/webhooks", from: 3, to: 0 },
      ],
      impact: "1 repository, 214 stars, 2 open PRs",
      reversible: false,
      rollback: "Restorable from GitHub support within 90 days",
      diff: "--- a/terraform/github.tf\n+++ b/terraform/github.tf\n@@ -12,7 +12,0 @@\n-resource \"github_repository\" \"legacy_site\" {\n-  name     = \"legacy-site\"\n-  archived = true\n-}\n",
    },
    timeoutSeconds: 3600,
  });
  await submit(app, apiKey, mediumRequest({ timeoutSeconds: 900 }));
  await submit(app, apiKey, { tool: "stripe.transfer_funds", arguments: { amount: 125000, currency: "usd", destination: "acct_1Nv" }, summary: "Pay the March invoice of Acme Logistics", timeoutSeconds: 1800 });
  return critical.id;
}

async function noSeriousViolations(page: Page): Promise<void> {
  const r = await new AxeBuilder({ page }).analyze();
  const bad = r.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("inbox, detail and audit: no serious accessibility violations, light and dark; screenshots for the README", async ({ browser, app }) => {
  test.setTimeout(120_000);
  const id = await seed(app);
  const admin = await app.user("admin");
  mkdirSync(SHOTS, { recursive: true });
  for (const scheme of ["light", "dark"] as const) {
    const ctx = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await signInAs(page, app, admin);
    const pages = [
      { name: "inbox", path: "/", ready: page.getByText("Delete the archived legacy-site repository").first() },
      { name: "detail", path: `/requests/${id}`, ready: page.getByText("Timeline").first() },
      { name: "audit", path: "/audit", ready: page.getByText(/Chain verified/) },
    ];
    for (const p of pages) {
      await page.goto(`${app.url}${p.path}`);
      await expect(p.ready).toBeVisible();
      await page.waitForTimeout(400);
      await noSeriousViolations(page);
      await page.screenshot({ path: `${SHOTS}${p.name}-${scheme}.png`, fullPage: true });
    }
    await ctx.close();
  }
});
