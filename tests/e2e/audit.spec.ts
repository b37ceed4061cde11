import { expect, signInAs, test } from "./fixtures";
import { mediumRequest, submit } from "./agent-api";

test("audit search finds a request by a word in its arguments, and the export contains it", async ({ page, app }) => {
  const { apiKey } = await app.agent();
  const word = `zebracorn${Date.now()}`;
  const sub = await submit(app, apiKey, mediumRequest({ arguments: { deployment: word, replicas: 2 } }));
  await signInAs(page, app, await app.user("admin"));
  await page.goto(`${app.url}/audit`);
  await page.getByLabel("Search").fill(word);
  await page.getByLabel("Search").press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${word}`));
  await expect(page.getByRole("link", { name: `Open request …${sub.id.slice(-8)}` }).first()).toBeVisible();
  await expect(page.getByText(/Chain verified up to event/)).toBeVisible();

  for (const format of ["ndjson", "csv"] as const) {
    const r = await page.request.get(`${app.url}/api/audit/export?format=${format}&q=${word}`);
    expect(r.status()).toBe(200);
    const text = await r.text();
    expect(text).toContain(sub.id);
    expect(text).toContain(word);
    if (format === "ndjson") for (const line of text.trim().split("\n")) expect(() => JSON.parse(line) as unknown).not.toThrow();
  }
});
