import { test, expect } from "@playwright/test";
import { go, visit, expectAccessible } from "./helpers";

// scripts/test makes this administrator with `kiln create-admin` before the tests run.
const EMAIL = process.env.KILN_E2E_ADMIN ?? "admin@example.org";
const PASSWORD = process.env.KILN_E2E_PASSWORD ?? "e2e password for kiln";

test("an officer signs in, reads a wave, downloads it, publishes it and signs out", async ({ page }, info) => {
  await visit(page, info, "/officer");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  // A wrong password: the summary and the field say so, and the email is kept.
  await page.getByLabel("Email address").fill(EMAIL);
  await page.getByLabel("Password").fill("not the password");
  await go(page, info, () => page.getByRole("button", { name: "Sign in" }).click());
  await expect(page.locator(".error-summary")).toContainText("Enter a correct email address and password");
  await expect(page.getByLabel("Email address")).toHaveValue(EMAIL);

  await page.getByLabel("Password").fill(PASSWORD);
  await go(page, info, () => page.getByRole("button", { name: "Sign in" }).click());
  await expect(page.getByRole("heading", { name: "Results dashboard" })).toBeVisible();

  await go(page, info, () => page.getByRole("link", { name: "2026 baseline" }).first().click());
  await expect(page.getByRole("heading", { name: "Manage this wave" })).toBeVisible();
  await expect(page.locator("caption").first()).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Indicators (CSV)" }).click();
  expect((await download).suggestedFilename()).toMatch(/indicators\.csv$/);

  await go(page, info, () => page.getByRole("link", { name: /Life satisfaction: average/ }).first().click());
  await expect(page.locator("svg[role=img]").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "By ward" })).toBeVisible();
  await go(page, info, () => page.getByRole("link", { name: /^Back to/ }).click());
  await expect(page.getByRole("heading", { name: "Manage this wave" })).toBeVisible();

  const publishButton = page.getByRole("button", { name: "Publish results" });
  if (await publishButton.count()) {
    await go(page, info, () => publishButton.click());
  }
  await expect(page.getByText("Published", { exact: true })).toBeVisible();

  await go(page, info, () => page.getByRole("button", { name: "Sign out" }).click());
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await expectAccessible(page, info);

  // Anyone can now see the published results, without signing in.
  await visit(page, info, "/results");
  await go(page, info, () => page.getByRole("link", { name: "2026 baseline" }).first().click());
  await expect(page.getByRole("link", { name: "Download every published figure (CSV)" })).toBeVisible();
  await visit(page, info, "/results/methodology");
  await expect(page.getByRole("heading", { name: "Withheld figures" })).toBeVisible();
});
