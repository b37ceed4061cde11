import { expect, signInAs, test } from "./fixtures";
import { mediumRequest, submit, waitForDecision } from "./agent-api";
import { clickUnlessDecidedFirst } from "./race-click";

test("two reviewers decide at once: exactly one wins, the other sees who won", async ({ browser, app }) => {
  const { apiKey } = await app.agent();
  const [a, b] = [await app.user("reviewer"), await app.user("reviewer")];
  const ctxA = await browser.newContext();
  const ctxB = await browser.newContext();
  try {
    const [pa, pb] = [await ctxA.newPage(), await ctxB.newPage()];
    await signInAs(pa, app, a);
    await signInAs(pb, app, b);
    const sub = await submit(app, apiKey, mediumRequest());
    const waiting = waitForDecision(app, apiKey, sub.id);
    await Promise.all([pa.goto(`${app.url}/requests/${sub.id}`), pb.goto(`${app.url}/requests/${sub.id}`)]);
    await Promise.all([pa.getByRole("button", { name: "Approve", exact: true }).waitFor(), pb.getByRole("button", { name: "Deny", exact: true }).waitFor()]);
    // A approves while B denies (B's reason typed first so both clicks land together).
    await pb.getByRole("button", { name: "Deny", exact: true }).click();
    await pb.getByLabel("Reason").fill("no");
    await Promise.all([
      clickUnlessDecidedFirst(pa, pa.getByRole("button", { name: "Approve", exact: true })),
      clickUnlessDecidedFirst(pb, pb.getByRole("button", { name: "Deny request" })),
    ]);
    const view = await waiting;
    expect(["approved", "denied"]).toContain(view.status);
    const winner = view.status === "approved" ? a : b;
    const loserPage = view.status === "approved" ? pb : pa;
    await expect(loserPage.getByText(new RegExp(`Already ${view.status} by ${winner.email.replace(/[.+]/g, "\\$&")}`))).toBeVisible();
    // And only one decision exists: both pages end showing the same outcome.
    for (const p of [pa, pb]) await expect(p.getByText("Outcome:")).toBeVisible();
  } finally {
    await ctxA.close();
    await ctxB.close();
  }
});
