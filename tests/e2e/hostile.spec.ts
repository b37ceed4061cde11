import { expect, signInAs, test, watchForScriptExecution } from "./fixtures";
import { submit } from "./agent-api";

const LONG = "A".repeat(10_000);
const XSS = [
  "<script>alert('xss-script')</script>",
  "<img src=x onerror=\"alert('xss-img')\">",
  "javascript:alert('xss-href')",
  "</style><style>body{display:none}</style>",
  "<a href=\"javascript:alert(1)\">click</a>",
  "<svg onload=alert('xss-svg')>",
];

function hostileRequest(): Record<string, unknown> {
  return {
    tool: "evil.tool_name",
    summary: `${XSS[0]} summary \u202Egnp.exe\u202C with a zero\u200Bwidth`,
    reason: `${XSS[1]} and one long unbroken word: ${LONG.slice(0, 3000)}`,
    annotations: { destructiveHint: false },
    arguments: { html: XSS.join(" "), url: "javascript:alert('arg')", long: LONG, nested: { deeper: { css: "expression(alert(1))" } } },
    preview: {
      // 10 000 rows must fit the 256 KiB body limit with everything else: hostile text in the first rows only.
      changes: Array.from({ length: 10_000 }, (_, i) => (i < XSS.length ? { path: `rows[${i}]${XSS[i] ?? ""}`, from: XSS[i] ?? null, to: LONG.slice(0, 500), warning: XSS[1] } : { path: `r${i}` })),
      impact: `${XSS[5]} impact`,
      rollback: XSS[2],
      diff: `--- a/x\n+++ b/x\n@@ -1 +1 @@\n-${XSS[0]}\n+${XSS[1]}\n`,
      reversible: true,
    },
    timeoutSeconds: 600,
  };
}

test("agent-written content renders inert in the inbox and on the detail page", async ({ page, app }) => {
  test.setTimeout(120_000);
  const { apiKey } = await app.agent();
  const watch = watchForScriptExecution(page);
  await signInAs(page, app, await app.user("reviewer"));
  const body = hostileRequest();
  expect(JSON.stringify(body).length).toBeLessThan(256 * 1024);
  const sub = await submit(app, apiKey, body);

  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${app.url}/`);
    await expect(page.getByText("evil.tool_name").first()).toBeVisible();
    await page.goto(`${app.url}/requests/${sub.id}`);
    await expect(page.getByText("Timeline").first()).toBeVisible();
    // The hostile rows are the first ones, inside the first page of the preview; expand the clamped prose too.
    const more = page.getByRole("button", { name: /show more/i }).first();
    if (await more.isVisible()) await more.click();
    const dom = await page.evaluate(() => {
      const main = document.querySelector("main");
      if (!main) return null;
      const all = [...main.querySelectorAll("*")];
      return {
        injected: main.querySelectorAll("img, iframe, object, embed, script, style, svg image").length,
        handlers: all.filter((e) => [...e.attributes].some((a) => a.name.startsWith("on"))).length,
        foreignLinks: [...main.querySelectorAll("a")].filter((a) => !(a.getAttribute("href") ?? "").startsWith("/")).length,
        rawBidi: /[\u202A-\u202E\u2066-\u2069\u200B-\u200F\uFEFF]/.test(main.innerText),
        scrollWidth: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
        bodyVisible: getComputedStyle(document.body).display !== "none",
      };
    });
    expect(dom).not.toBeNull();
    expect(dom?.injected).toBe(0);
    expect(dom?.handlers).toBe(0);
    expect(dom?.foreignLinks).toBe(0);
    expect(dom?.rawBidi).toBe(false);
    expect(dom?.bodyVisible).toBe(true);
    expect(dom?.scrollWidth).toBeLessThanOrEqual((dom?.viewport ?? 0) + 1);
    await expect(page.getByText(/invisible\/bidi control characters/i).first()).toBeVisible();
    await expect(page.getByText("<script>alert('xss-script')</script>", { exact: false }).first()).toBeVisible();
  }
  expect(watch.problems).toEqual([]);
});
