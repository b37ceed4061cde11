import { expect, signInAs, test } from "./fixtures";
import { mediumRequest, submit, waitForDecision } from "./agent-api";

test.describe("reviewer decisions reach the waiting agent", () => {
  test("a request submitted through the agent API appears live, and an approval reaches the agent", async ({ page, app }) => {
    const { apiKey } = await app.agent();
    await signInAs(page, app, await app.user("reviewer"));
    const summary = `Scale checkout live ${Date.now()}`;
    const sub = await submit(app, apiKey, mediumRequest({ summary }));
    // No reload: the inbox hears about it over SSE.
    await expect(page.getByRole("link", { name: new RegExp(summary) }).first()).toBeVisible({ timeout: 5_000 });
    const waiting = waitForDecision(app, apiKey, sub.id);
    await page.getByRole("link", { name: new RegExp(summary) }).first().click();
    await page.getByLabel("Comment for the agent (optional)").fill("go ahead");
    await page.getByRole("button", { name: "Approve", exact: true }).click();
    const view = await waiting;
    expect(view).toMatchObject({ status: "approved", verdict: "allow", decision: { comment: "go ahead", modified: false, finalArguments: { deployment: "checkout", replicas: 3 } } });
    await expect(page.getByText("Outcome:")).toBeVisible();
    await expect(page.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
  });

  test("deny needs a reason, and the agent gets it", async ({ page, app }) => {
    const { apiKey } = await app.agent();
    await signInAs(page, app, await app.user("reviewer"));
    const sub = await submit(app, apiKey, mediumRequest());
    const waiting = waitForDecision(app, apiKey, sub.id);
    await page.goto(`${app.url}/requests/${sub.id}`);
    await page.getByRole("button", { name: "Deny", exact: true }).click();
    await expect(page.getByRole("button", { name: "Deny request" })).toBeDisabled(); // no reason yet
    await page.getByLabel("Reason").fill("Not during the freeze");
    await page.getByRole("button", { name: "Deny request" }).click();
    const view = await waiting;
    expect(view).toMatchObject({ status: "denied", verdict: "deny", decision: { reason: "Not during the freeze", channel: "web" } });
  });

  test("modify: a schema violation is shown and refused, a valid change approves with the final arguments", async ({ page, app }) => {
    const { apiKey } = await app.agent();
    await signInAs(page, app, await app.user("reviewer"));
    const sub = await submit(
      app,
      apiKey,
      mediumRequest({
        argumentsSchema: { type: "object", properties: { deployment: { type: "string" }, replicas: { type: "integer", maximum: 5 } }, required: ["deployment", "replicas"], additionalProperties: false },
      }),
    );
    const waiting = waitForDecision(app, apiKey, sub.id);
    await page.goto(`${app.url}/requests/${sub.id}`);
    await page.getByRole("button", { name: "Modify", exact: true }).click();
    const editor = page.getByLabel("Modified arguments (JSON)");
    await editor.fill(JSON.stringify({ deployment: "checkout", replicas: 50 }, null, 2));
    await expect(page.getByText(/maximum|must be <= 5/i).first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Approve with changes" })).toBeDisabled();
    await editor.fill(JSON.stringify({ deployment: "checkout", replicas: 4 }, null, 2));
    await expect(page.getByRole("button", { name: "Approve with changes" })).toBeEnabled();
    await page.getByRole("button", { name: "Approve with changes" }).click();
    const view = await waiting;
    expect(view).toMatchObject({ status: "approved", decision: { modified: true, finalArguments: { deployment: "checkout", replicas: 4 } } });
  });

  test("an undecided request expires on screen (default deny)", async ({ page, app }) => {
    const { apiKey } = await app.agent();
    await signInAs(page, app, await app.user("reviewer"));
    const sub = await submit(app, apiKey, mediumRequest({ timeoutSeconds: 5, summary: "Expires soon" }));
    await page.goto(`${app.url}/requests/${sub.id}`);
    await expect(page.getByRole("button", { name: "Approve", exact: true })).toBeVisible();
    const view = await waitForDecision(app, apiKey, sub.id);
    expect(view.status).toBe("expired");
    await expect(page.getByText("Outcome:")).toBeVisible({ timeout: 3_000 });
    await expect(page.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
  });

  test("a viewer sees no decision controls and the API refuses them", async ({ page, app }) => {
    const { apiKey } = await app.agent();
    await signInAs(page, app, await app.user("viewer"));
    const sub = await submit(app, apiKey, mediumRequest());
    await page.goto(`${app.url}/requests/${sub.id}`);
    await expect(page.getByText("Scale checkout to 3 replicas").first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
    const r = await page.request.post(`${app.url}/api/trpc/review.decide`, {
      data: { id: sub.id, decision: { type: "approve" } },
      headers: { origin: app.url },
    });
    expect(r.status()).toBe(403);
  });
});
