import { startServer } from "../fixtures/server";
import { tempDatabaseUrl } from "../fixtures/test-db";
import { expect, test } from "./fixtures";

test.describe("first run", () => {
  test("a fresh install offers to create the first admin, once, and then signs in", async ({ page }) => {
    const server = await startServer({ databaseUrl: tempDatabaseUrl("first-run"), env: { COUNTERSIGN_WEB: "on" } });
    try {
      await page.goto(`${server.url}/`);
      await expect(page).toHaveURL(`${server.url}/setup`);
      await page.getByLabel("Email").fill("first@example.com");
      await page.getByLabel("Password (at least 8 characters)").fill("a long enough password");
      await page.getByLabel("Confirm password").fill("a long enough password");
      await page.getByRole("button", { name: "Create admin" }).click();
      await expect(page).toHaveURL(`${server.url}/`);
      await expect(page.getByText("first@example.com")).toBeVisible();

      // The setup page is gone for good once a user exists…
      await page.goto(`${server.url}/setup`);
      await expect(page).toHaveURL(`${server.url}/sign-in`);
      // …and so is the API behind it.
      const again = await page.request.post(`${server.url}/api/trpc/setup.createFirstAdmin`, {
        data: { email: "second@example.com", password: "another long password" },
      });
      expect(again.status()).toBe(409);
    } finally {
      await server.stop();
    }
  });
});

test.describe("sign in", () => {
  test("wrong password is refused; the right one signs in; sign out returns to sign-in", async ({ page, app }) => {
    const reviewer = await app.user("reviewer");
    await page.goto(`${app.url}/`);
    await expect(page).toHaveURL(`${app.url}/sign-in`);
    await page.getByLabel("Email").fill(reviewer.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toBeVisible();
    await page.getByLabel("Password").fill(reviewer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${app.url}/`);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(`${app.url}/sign-in`);
    await page.goto(`${app.url}/`);
    await expect(page).toHaveURL(`${app.url}/sign-in`);
  });
});
