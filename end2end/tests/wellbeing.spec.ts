import { expect, test } from "@playwright/test";
import { continueOn, expectAccessible, go, pick, score, settled, visit } from "./helpers";

test("a resident answers the wellbeing survey, fixes a mistake and changes an answer", async ({ page }, info) => {
  await visit(page, info, "/");
  await go(page, info, () => page.getByRole("link", { name: "Wellbeing survey" }).click());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wellbeing survey");
  await expect(page.getByText(/anonymous/).first()).toBeVisible();

  await go(page, info, () => page.getByRole("button", { name: "Start now" }).click());
  await expect(page.getByText("Section 1 of 4")).toBeVisible();
  await page.getByLabel("Which ward do you live in?").selectOption({ label: "Tunstall" });
  await continueOn(page, info);

  await expect(page.getByText("Section 2 of 4")).toBeVisible();
  await score(page, /satisfied are you with your life/, 7);
  await score(page, /worthwhile/, 8);
  await score(page, /how anxious did you feel/, 2);
  await continueOn(page, info); // happiness left out on purpose

  const summary = page.locator(".error-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toContainText("Select how happy you felt yesterday");
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByRole("group", { name: /satisfied are you with your life/ }).getByLabel("7", { exact: true })).toBeChecked();
  await summary.getByRole("link", { name: "Select how happy you felt yesterday" }).click();
  await expect(page.locator("#q-wb_happiness")).toBeFocused();
  await score(page, /how happy did you feel yesterday/, 6);
  await continueOn(page, info);

  await expect(page.getByText("Section 3 of 4")).toBeVisible();
  await pick(page, "How often do you feel lonely?", "Hardly ever");
  await pick(page, /managing financially/, "Doing alright");
  await pick(page, "How is your health in general?", "Good");
  await continueOn(page, info);

  await expect(page.getByText("Section 4 of 4")).toBeVisible();
  await pick(page, "What is your age?", "35 to 44");
  await continueOn(page, info); // sex is optional

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers before sending them");
  await expect(page.locator(".summary-row", { hasText: "Which ward" })).toContainText("Tunstall");
  await expect(page.locator(".summary-row", { hasText: "What is your sex?" })).toContainText("Not answered");

  await go(page, info, () =>
    page.locator(".summary-row", { hasText: "How is your health" }).getByRole("link", { name: /Change/ }).click(),
  );
  // "Change" lands on the question itself, with JavaScript on as with it off: residents'
  // pages are full page loads, so the address's fragment does its work.
  await expect(page).toHaveURL(/#q-health_general$/);
  await expect(page.locator("#q-health_general")).toBeInViewport();
  await pick(page, "How is your health in general?", "Very good");
  await continueOn(page, info);
  await expect(page.locator(".summary-row", { hasText: "How is your health" })).toContainText("Very good");

  await go(page, info, () => page.getByRole("button", { name: "Send your answers" }).click());
  await expect(page.getByRole("heading", { level: 1 })).toContainText("your answers have been sent");
  await expect(page.getByTestId("receipt")).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);

  // Back and send again: still one response, same receipt.
  const receipt = await page.getByTestId("receipt").textContent();
  await page.goBack();
  await page.waitForLoadState("load");
  await page.goto(page.url());
  await expect(page.getByTestId("receipt")).toHaveText(receipt!);
});

test("the wellbeing survey works by keyboard alone", async ({ page }, info) => {
  await visit(page, info, "/surveys/wellbeing");
  await page.getByRole("button", { name: "Start now" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/section\/1/);
  await page.getByLabel("Which ward do you live in?").focus();
  await page.keyboard.press("ArrowDown"); // first ward
  await page.getByRole("button", { name: /^Continue/ }).focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/section\/2/);
  await page.locator("#q-wb_life_satisfaction").focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.locator("#q-wb_life_satisfaction-1")).toBeChecked();
  // Focus is drawn visibly: the outline or shadow changes on focus.
  const focused = await page.locator("#q-wb_life_satisfaction-1").evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(focused).not.toBe("none");
});

test("a section reads at 200% zoom without sideways scrolling", async ({ page }, info) => {
  await page.setViewportSize({ width: 195, height: 422 }); // 390x844 at 200%
  await visit(page, info, "/surveys/wellbeing");
  await go(page, info, () => page.getByRole("button", { name: "Start now" }).click());
  await page.getByLabel("Which ward do you live in?").selectOption("dont_know");
  await continueOn(page, info);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("pages that do not exist say so, accessibly", async ({ page }, info) => {
  const res = await page.goto("/surveys/wellbeing/r/7KQM2XTP9ABD/section/1");
  expect(res?.status()).toBe(404);
  await settled(page, info);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expectAccessible(page, info);
  const other = await page.goto("/no/such/page");
  expect(other?.status()).toBe(404);
  await settled(page, info);
  await expectAccessible(page, info);
});

test("someone asks to be emailed when new results are published", async ({ page }, info) => {
  await visit(page, info, "/results");
  await go(page, info, () => page.getByRole("link", { name: "Get an email when new results are published" }).click());
  await expect(page.getByRole("heading", { name: "Get emails about new results" })).toBeVisible();
  await go(page, info, () => page.getByRole("button", { name: "Send me a link to confirm" }).click());
  await expect(page.locator(".error-summary")).toContainText("Enter your email address");
  await expectAccessible(page, info);
  const email = `updates-${info.project.name}@example.org`;
  await page.getByLabel("Email address").fill(email);
  await go(page, info, () => page.getByRole("button", { name: "Send me a link to confirm" }).click());
  await expect(page.getByRole("status")).toContainText(`We have sent a link to ${email}`);
  await expectAccessible(page, info);
});

test("a resident joins the residents' panel, telling only their age", async ({ page }, info) => {
  await visit(page, info, "/panel");
  await expect(page.getByRole("heading", { name: "Join the residents' panel" })).toBeVisible();
  await expectAccessible(page, info);
  const email = `panel-${info.project.name}@example.org`;
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Your age (optional)").selectOption("35-44");
  await go(page, info, () => page.getByRole("button", { name: "Send me a link to confirm" }).click());
  await expect(page.getByRole("status")).toContainText(`We have sent a link to ${email}`);
  await expectAccessible(page, info);
});

test("codes fit their boxes, scale choices fit a thumb and back links stand apart, at both widths", async ({ page }, info) => {
  await visit(page, info, "/surveys/wellbeing");
  await go(page, info, () => page.getByRole("button", { name: "Start now" }).click());
  await page.getByLabel("Which ward do you live in?").selectOption({ label: "Tunstall" });
  await continueOn(page, info);
  const section = page.url();
  for (const size of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
    await page.setViewportSize(size);
    // Every 0-10 choice is at least 44 by 44 pixels, whole on the screen.
    await visit(page, info, section);
    const labels = page.locator(".scale-label");
    expect(await labels.count()).toBeGreaterThan(10);
    for (const box of await labels.evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect().toJSON()))) {
      expect(box.width, `a scale choice at ${size.width}px`).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.right).toBeLessThanOrEqual(size.width);
    }
    // A whole code shows in its box.
    for (const [path, label, code] of [
      ["/resume", "Resume code", "7KQM-2XTP-9ABD"],
      ["/take-part", "Access code", "7KQM-2XTP-9ABD-RW4H-C3NF"],
    ]) {
      await visit(page, info, path);
      const input = page.getByLabel(label);
      await input.fill(code);
      expect(await input.evaluate((e: HTMLInputElement) => e.scrollWidth <= e.clientWidth), `${label} at ${size.width}px`).toBe(true);
    }
    // The back link and the caption under it do not run together.
    await visit(page, info, "/results/wellbeing/2026-baseline");
    const back = (await page.locator(".back-link").boundingBox())!;
    const caption = (await page.locator(".caption").first().boundingBox())!;
    expect(caption.y).toBeGreaterThanOrEqual(back.y + back.height);
  }
});

test("the accessibility statement and the privacy notice are a link away from every page", async ({ page }, info) => {
  await visit(page, info, "/");
  await go(page, info, () => page.getByRole("link", { name: "Accessibility statement" }).click());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accessibility statement for the resident surveys");
  await go(page, info, () => page.getByRole("link", { name: "Privacy notice" }).click());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy notice for the resident surveys");
  await expect(page.getByText(/is the data controller/)).toBeVisible();
});
