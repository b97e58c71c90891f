import { expect, Page, TestInfo } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export const jsOn = (info: TestInfo) => info.project.use.javaScriptEnabled !== false;

/** After any navigation: with JavaScript on, wait until the wasm has hydrated the page, so a
 * broken bundle fails instead of silently falling back to plain form posts. */
export async function settled(page: Page, info: TestInfo) {
  await page.waitForLoadState("load");
  if (jsOn(info)) {
    await expect(page.locator("body[data-hydrated=true]")).toHaveCount(1, { timeout: 20_000 });
  }
}

/** Runs axe with the WCAG 2.0, 2.1 and 2.2 A and AA rules: there must be no violations. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, "axe violations").toEqual([]);
}

export async function visit(page: Page, info: TestInfo, path: string) {
  await page.goto(path);
  await settled(page, info);
  await expectAccessible(page);
}

/** Presses a button or link that loads a new page, then checks that page. */
export async function go(page: Page, info: TestInfo, action: () => Promise<void>) {
  await action();
  await settled(page, info);
  await expectAccessible(page);
}

export function question(page: Page, prompt: string | RegExp) {
  return page.getByRole("group", { name: prompt });
}

export async function score(page: Page, prompt: string | RegExp, value: number) {
  await question(page, prompt).getByLabel(String(value), { exact: true }).check();
}

export async function pick(page: Page, prompt: string | RegExp, label: string) {
  await question(page, prompt).getByLabel(label, { exact: true }).check();
}

export async function continueOn(page: Page, info: TestInfo) {
  await go(page, info, () => page.getByRole("button", { name: /^Continue/ }).click());
}
