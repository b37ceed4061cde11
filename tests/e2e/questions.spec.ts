import AxeBuilder from "@axe-core/playwright";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { expect, signInAs, test, watchForScriptExecution } from "./fixtures";
import { ask, getRequest, mediumRequest, submit, waitForDecision } from "./agent-api";
import { clickUnlessDecidedFirst } from "./race-click";

const SHOTS = fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));

async function noSeriousViolations(page: Page): Promise<void> {
  const r = await new AxeBuilder({ page }).analyze();
  const bad = r.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test.describe("questions: an agent asks, a person answers", () => {
  test("a question appears live as a question, `a` opens its answer box, and the typed answer reaches the waiting agent", async ({ page, app }) => {
    const { apiKey } = await app.agent("read_only");
    await signInAs(page, app, await app.user("reviewer"));
    const subject = `Which region for the new cluster? ${Date.now()}`;
    const q = await ask(app, apiKey, {
      subject,
      message: "We have quota in both regions.\nThe EU one is closer to most customers, the US one is cheaper.",
      responseOptions: [
        { name: "eu", title: "Europe (eu-west-1)", description: "closer to customers" },
        { name: "us", title: "US (us-east-1)", description: "cheaper" },
      ],
      timeoutSeconds: 600,
    });
    expect(q).toMatchObject({ kind: "question", status: "pending", answer: null });

    // No reload: the inbox hears about it over SSE, and shows it as a question, by its subject, not as a tool.
    const row = page.locator(`[data-row-id="${q.id}"]`);
    await expect(row).toBeVisible({ timeout: 5_000 });
    await expect(row.getByText("Question", { exact: true })).toBeVisible();
    await expect(row.getByRole("link", { name: `Question ${subject}` })).toBeVisible();
    await expect(row.getByText("human_contact")).toHaveCount(0);
    await expect(row.getByRole("checkbox", { name: `Select Question: ${subject}` })).toBeVisible();
    await noSeriousViolations(page);

    // `a` on a question never approves it: it opens the question with the cursor in the answer box.
    await row.locator("td").last().click();
    await expect(row).toHaveAttribute("aria-current", "true");
    await page.keyboard.press("a");
    await page.waitForURL(`${app.url}/requests/${q.id}?mode=answer`);
    const box = page.getByLabel("Your answer", { exact: true });
    await expect(box).toBeFocused();
    await expect(box).toHaveValue("");

    await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
    await expect(page.getByText("The EU one is closer to most customers", { exact: false })).toBeVisible();
    for (const name of ["Approve", "Modify", "Deny"]) await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Send answer" })).toBeDisabled();

    // A suggested option fills the empty box; the reviewer's own words replace it and the option stays chosen.
    await page.getByRole("radio", { name: /US \(us-east-1\)/ }).check();
    await expect(box).toHaveValue("US (us-east-1)");
    const answer = "Use us-east-1: the EU quota is reserved for the migration.\nRevisit in Q3.";
    await box.fill(answer);
    await noSeriousViolations(page);
    await page.emulateMedia({ colorScheme: "dark" });
    await expect(page.locator("html.dark")).toHaveCount(1);
    await noSeriousViolations(page);
    await page.emulateMedia({ colorScheme: "light" });
    await expect(page.locator("html.dark")).toHaveCount(0);
    mkdirSync(SHOTS, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}question.png`, fullPage: true });

    const waiting = waitForDecision(app, apiKey, q.id);
    await page.getByRole("button", { name: "Send answer" }).click();
    const view = await waiting;
    expect(view).toMatchObject({ kind: "question", status: "approved", answer, question: { answerOptionName: "us" } });

    await expect(page.getByText("You answered this question.")).toBeVisible();
    const outcome = page.locator("section", { has: page.getByText("Outcome:") });
    await expect(outcome.getByText("Answered by")).toBeVisible();
    await expect(outcome.getByText("Revisit in Q3.", { exact: false })).toBeVisible();
    await expect(outcome.getByText("US (us-east-1)")).toBeVisible(); // the chosen option
    await expect(page.getByRole("list").getByText("Answered", { exact: true })).toBeVisible(); // the timeline
    await expect(page.getByRole("button", { name: "Send answer" })).toHaveCount(0);
    await expect(page.getByText("Timeline").first()).toBeVisible();
  });

  test("a dismissed question reaches the agent as denied, with the reason", async ({ page, app }) => {
    const { apiKey } = await app.agent("read_only");
    await signInAs(page, app, await app.user("reviewer"));
    const q = await ask(app, apiKey, { message: "May I page the on-call engineer about the disk alert?", timeoutSeconds: 600 });
    const waiting = waitForDecision(app, apiKey, q.id);
    await page.goto(`${app.url}/requests/${q.id}`);
    await expect(page.getByRole("heading", { level: 1, name: /Question from/ })).toBeVisible();
    await page.getByRole("button", { name: "Dismiss", exact: true }).click();
    await expect(page.getByRole("button", { name: "Dismiss question" })).toBeDisabled(); // no reason yet
    await page.getByLabel("Reason").fill("The alert is a known false positive");
    await page.getByRole("button", { name: "Dismiss question" }).click();
    const view = await waiting;
    expect(view).toMatchObject({ kind: "question", status: "denied", verdict: "deny", answer: null, decision: { reason: "The alert is a known false positive", channel: "web" } });
    await expect(page.getByText("You dismissed this question.")).toBeVisible();
    await expect(page.getByText("dismissed", { exact: true }).first()).toBeVisible();
  });

  test("an answer and a dismissal at once: exactly one wins, the other reviewer reads who won", async ({ browser, app }) => {
    const { apiKey } = await app.agent("read_only");
    const [a, b] = [await app.user("reviewer"), await app.user("reviewer")];
    const [ctxA, ctxB] = [await browser.newContext(), await browser.newContext()];
    try {
      const [pa, pb] = [await ctxA.newPage(), await ctxB.newPage()];
      await signInAs(pa, app, a);
      await signInAs(pb, app, b);
      const q = await ask(app, apiKey, { message: "Ship the hotfix now or wait for the nightly?", timeoutSeconds: 600 });
      const waiting = waitForDecision(app, apiKey, q.id);
      await Promise.all([pa.goto(`${app.url}/requests/${q.id}`), pb.goto(`${app.url}/requests/${q.id}`)]);
      await pa.getByLabel("Your answer", { exact: true }).fill("Ship it now");
      await pb.getByRole("button", { name: "Dismiss", exact: true }).click();
      await pb.getByLabel("Reason").fill("Already shipped");
      await Promise.all([
        clickUnlessDecidedFirst(pa, pa.getByRole("button", { name: "Send answer" })),
        clickUnlessDecidedFirst(pb, pb.getByRole("button", { name: "Dismiss question" })),
      ]);
      const view = await waiting;
      expect(["approved", "denied"]).toContain(view.status);
      const [winner, loserPage, word] = view.status === "approved" ? [a, pb, "answered"] : [b, pa, "dismissed"];
      await expect(loserPage.getByText(`Already ${word} by ${winner.email}`, { exact: false })).toBeVisible();
      for (const p of [pa, pb]) await expect(p.getByText("Outcome:")).toBeVisible();
    } finally {
      await ctxA.close();
      await ctxB.close();
    }
  });

  test("a batch approval leaves questions out; a batch denial dismisses them", async ({ page, app }) => {
    const { apiKey } = await app.agent();
    await signInAs(page, app, await app.user("reviewer"));
    const subject = `Batch question ${Date.now()}`;
    const q = await ask(app, apiKey, { subject, message: "Is it fine to rotate the staging keys tonight?", timeoutSeconds: 600 });
    const action = await submit(app, apiKey, mediumRequest({ summary: `Batch action ${Date.now()}` }));
    const questionBox = page.getByRole("checkbox", { name: `Select Question: ${subject}` });
    await expect(questionBox).toBeVisible({ timeout: 5_000 });
    await questionBox.check();
    await page.locator(`[data-row-id="${action.id}"]`).getByRole("checkbox").check();

    await page.getByRole("button", { name: "Approve selected" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByText("1 question is left out", { exact: false })).toBeVisible();
    await dialog.getByRole("button", { name: "Approve 1 request" }).click();
    expect((await waitForDecision(app, apiKey, action.id)).status).toBe("approved");
    expect((await getRequest(app, apiKey, q.id)).status).toBe("pending");

    // The approved action left the selection; the question is still selected and can be dismissed in a batch.
    await expect(page.getByText("1 selected")).toBeVisible();
    await page.getByRole("button", { name: "Deny selected" }).click();
    await page.getByLabel("Reason").fill("Not tonight: release freeze");
    await page.getByRole("dialog").getByRole("button", { name: "Deny 1 request" }).click();
    const view = await waitForDecision(app, apiKey, q.id);
    expect(view).toMatchObject({ status: "denied", decision: { reason: "Not tonight: release freeze" } });
  });

  test("a hostile question renders inert in the inbox, on its page and in its answer", async ({ page, app }) => {
    const { apiKey } = await app.agent("read_only");
    const watch = watchForScriptExecution(page);
    await signInAs(page, app, await app.user("reviewer"));
    const img = "<img src=x onerror=alert('xss-img')>";
    const link = "<a href=\"javascript:alert('xss-href')\">javascript:alert('click me')</a>";
    const q = await ask(app, apiKey, {
      subject: `<script>alert('xss-subject')</script> sub\u202Ejectgnp.exe`,
      message: `${img}\n${link}\njavascript:alert(document.cookie)\n<svg onload=alert('xss-svg')>`,
      responseOptions: [{ name: "x<b>", title: img, description: link }],
      timeoutSeconds: 600,
    });

    const inspect = async () => {
      const dom = await page.evaluate(() => {
        const main = document.querySelector("main");
        if (!main) return null;
        const all = [...main.querySelectorAll("*")];
        return {
          injected: main.querySelectorAll("img, iframe, object, embed, script, style, svg image, b").length,
          handlers: all.filter((e) => [...e.attributes].some((a) => a.name.startsWith("on"))).length,
          foreignLinks: [...main.querySelectorAll("a")].filter((a) => !(a.getAttribute("href") ?? "").startsWith("/")).length,
          rawBidi: /[\u202A-\u202E\u2066-\u2069\u200B-\u200F\uFEFF]/.test(main.innerText),
        };
      });
      expect(dom).toEqual({ injected: 0, handlers: 0, foreignLinks: 0, rawBidi: false });
    };

    await page.goto(`${app.url}/`);
    const row = page.locator(`[data-row-id="${q.id}"]`);
    await expect(row.getByText("<script>alert('xss-subject')</script>", { exact: false }).first()).toBeVisible();
    await expect(row.getByText(/invisible\/bidi control characters/i)).toBeVisible();
    await inspect();

    await page.goto(`${app.url}/requests/${q.id}`);
    await expect(page.getByText(img, { exact: false }).first()).toBeVisible();
    await expect(page.getByText("javascript:alert(document.cookie)", { exact: false })).toBeVisible();
    await expect(page.getByText(/invisible\/bidi control characters/i).first()).toBeVisible();
    await inspect();

    await page.getByRole("radio").check();
    await page.getByLabel("Your answer", { exact: true }).fill(`${img} ${link}`);
    await page.getByRole("button", { name: "Send answer" }).click();
    await expect(page.getByText("Answered by")).toBeVisible();
    await inspect();
    expect(watch.problems).toEqual([]);
  });
});
