import { expect, test } from "@playwright/test";
import { continueOn, go, jsOn, pick, score, visit } from "./helpers";

test("a resident answers the cohesion survey, saves it and resumes with the code", async ({ page }, info) => {
  await visit(page, info, "/surveys/cohesion");
  await go(page, info, () => page.getByRole("button", { name: "Start now" }).click());
  await page.getByLabel("Which ward do you live in?").selectOption("prefer_not_to_say");
  await continueOn(page, info);

  await pick(page, /belong to your immediate neighbourhood/, "Fairly strongly");
  await pick(page, /different backgrounds get on well/, "Tend to agree");
  await pick(page, /influence decisions/, "Don’t know");
  await pick(page, /listened to/, "Disagree");
  await go(page, info, () => page.getByRole("button", { name: "Save and come back later" }).click());

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your answers have been saved");
  const code = (await page.locator(".code-panel .code").textContent())!.trim();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  // The code is never in an address the browser's history keeps, and the saved page's address
  // opens nothing in a browser without this one's cookie (a shared computer, closed).
  const saved = page.url();
  expect(saved.toUpperCase()).not.toContain(code.replace(/-/g, ""));
  const elsewhere = await page.context().browser()!.newContext();
  const stranger = await elsewhere.newPage();
  expect((await stranger.goto(saved))!.status()).toBe(404);
  await elsewhere.close();

  await visit(page, info, "/resume");
  await page.getByLabel("Resume code").fill("WRONG");
  await go(page, info, () => page.getByRole("button", { name: "Continue" }).click());
  await expect(page.locator(".error-summary")).toContainText("should be 12 letters and numbers");
  await expect(page.getByLabel("Resume code")).toHaveValue("WRONG");
  await page.getByLabel("Resume code").fill(code.toLowerCase());
  await go(page, info, () => page.getByRole("button", { name: "Continue" }).click());

  await expect(page.getByText("Section 3 of 7")).toBeVisible(); // sections 1 and 2 were complete
  for (const who of ["city council", "police", "NHS"]) {
    await pick(page, new RegExp(`trust the ${who}`), "A fair amount");
  }
  await continueOn(page, info);

  await pick(page, /during the day/, "Very safe");
  await pick(page, /after dark/, "I never go out alone after dark");
  await score(page, /fear of crime/, 4);
  await continueOn(page, info);

  await pick(page, /as a place to live/, "Fairly satisfied");
  await pick(page, /clean and tidy/, "Agree");
  await pick(page, /without always relying on a car/, "Strongly disagree");
  await pick(page, /young people/, "Don’t know");
  await continueOn(page, info);

  await pick(page, /unpaid help/, "Less often");
  const text = page.getByLabel("What one thing would make your neighbourhood a better place to live?");
  await text.fill("x".repeat(1001));
  await continueOn(page, info);
  await expect(page.locator(".error-summary")).toContainText("1,000 characters or fewer");
  await expect(text).toHaveValue("x".repeat(1001));
  await text.fill("More buses in the evening");
  // With JavaScript on, the count follows the typing (JavaScript off, it is the server's count).
  if (jsOn(info)) {
    await expect(page.locator(".char-count")).toHaveText("You have 975 characters remaining");
  }
  await continueOn(page, info);

  await pick(page, "What is your sex?", "Prefer not to say");
  await continueOn(page, info);
  await expect(page.locator(".summary-row", { hasText: "What one thing" })).toContainText("More buses in the evening");
  await go(page, info, () => page.getByRole("button", { name: "Send your answers" }).click());
  await expect(page.getByTestId("receipt")).toBeVisible();
});
