import { expect, Page, test } from "@playwright/test";
import { visit } from "./helpers";

// What people ran into on the public results (issue 14), checked at a phone's width (the
// project's) and a laptop's, with JavaScript on and off.
const phone = { width: 390, height: 844 };
const laptop = { width: 1280, height: 800 };

/** How far the page reaches past the window's right edge. */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test("results tables stack on a phone, leave out empty columns and explain their figures", async ({ page }, info) => {
  for (const size of [phone, laptop]) {
    await page.setViewportSize(size);
    await visit(page, info, "/results/wellbeing/2026-baseline");
    const table = page.locator("table.table-stack").first();
    await expect(table).toBeVisible();
    // The baseline has no change and the demo no benchmarks: no column of "Not available".
    await expect(page.locator("th", { hasText: "Change since baseline" })).toHaveCount(0);
    await expect(page.getByText("Not available")).toHaveCount(0);
    await expect(page.getByText("None entered")).toHaveCount(0);
    // The interval, a low base and a withheld figure are explained where they appear.
    const key = page.getByRole("region", { name: "Reading these figures" });
    await expect(key).toContainText("95% interval");
    await expect(key).toContainText("Low base");
    await expect(key.getByRole("link", { name: "How the figures are worked out" })).toHaveAttribute("href", "/results/methodology");
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const rows = table.locator("tbody tr");
    const display = await rows.first().evaluate((r) => getComputedStyle(r).display);
    if (size === phone) {
      // One card per indicator: the name on at most three lines, every figure labelled.
      expect(display).toBe("block");
      const name = rows.first().locator("th");
      const lines = await name.evaluate((th) => th.getBoundingClientRect().height / parseFloat(getComputedStyle(th).lineHeight));
      expect(lines).toBeLessThanOrEqual(3.2);
      await expect(rows.first().locator("td[data-label='95% interval']")).toBeVisible();
    } else {
      expect(display).toBe("table-row");
      // The header lines up with a wide page's content.
      const widths = await page.evaluate(() => [
        document.querySelector(".header-inner")!.getBoundingClientRect().width,
        document.querySelector("main.page")!.getBoundingClientRect().width,
      ]);
      expect(Math.abs(widths[0] - widths[1])).toBeLessThanOrEqual(2);
    }
  }
});

test("the demo's figures are near the national ones and labelled illustrative", async ({ page }, info) => {
  await visit(page, info, "/results/wellbeing/2026-baseline");
  await expect(page.getByText(/Illustrative: the answers in this wave are made up/)).toBeVisible();
  const lonely = page.locator("tr", { hasText: "Feel lonely often or always" }).locator("td").first();
  const share = parseFloat((await lonely.innerText()).replace(/[^\d.]/g, ""));
  // England: about 7%. The first demo showed 53%.
  expect(share).toBeGreaterThan(2);
  expect(share).toBeLessThan(15);
  const life = page.locator("tr", { hasText: "Life satisfaction: average score" }).locator("td").first();
  const mean = parseFloat(await life.innerText());
  expect(mean).toBeGreaterThan(6.8);
  expect(mean).toBeLessThan(8);
});

test("a ward's page says whether it differs from the whole area, at both widths", async ({ page }, info) => {
  for (const size of [phone, laptop]) {
    await page.setViewportSize(size);
    await visit(page, info, "/results/wellbeing/2026-baseline/indicator/wb_life_satisfaction_mean");
    const ward = await page.getByRole("link", { name: "Tunstall", exact: true }).first().getAttribute("href");
    await visit(page, info, ward!);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("How is Tunstall doing?");
    const compared = page.locator("td[data-label='Compared with the whole area']");
    expect(await compared.count()).toBeGreaterThan(5);
    for (const text of await compared.allInnerTexts()) {
      expect(text).toMatch(/(Better than|Worse than|Similar to) the whole area|Not compared/);
    }
    await expect(page.getByRole("link", { name: "How the comparison is made" })).toBeVisible();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  }
  await visit(page, info, "/results/methodology");
  await expect(page.getByRole("heading", { name: "A ward against the whole area" })).toBeVisible();
  await expect(page.locator("#wards + p")).toContainText("99.8%");
});

test("the annual report prints on one or two A4 pages a survey", async ({ page }, info) => {
  await visit(page, info, "/annual-report/2026");
  const surveys = await page.locator(".report-survey").count();
  expect(surveys).toBeGreaterThan(0);
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  // Two pages a survey at most, then the framework's 55 indicators on two and the year's
  // updates on one. (It was 16 pages, about 6 wards to a page.)
  expect(pages, `${pages} pages for ${surveys} surveys`).toBeLessThanOrEqual(2 * surveys + 3);
  // Laid out as printed (A4 landscape, 12 mm margins: 1032 by 703 CSS pixels), each survey's
  // section is at most two pages tall, its 34 wards in one table on one page.
  await page.setViewportSize({ width: 1032, height: 703 });
  await page.emulateMedia({ media: "print" });
  for (const height of await page.locator(".report-survey").evaluateAll((ss) => ss.map((s) => s.getBoundingClientRect().height))) {
    expect(height).toBeLessThanOrEqual(2 * 703);
  }
  for (const height of await page.locator(".report-survey .table-report").evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().height))) {
    expect(height).toBeLessThanOrEqual(703);
  }
  // No heading left alone at the foot of a page: each is kept with what follows it.
  const kept = await page.evaluate(() => {
    const rules: string[] = [];
    for (const sheet of Array.from(document.styleSheets)) {
      for (const rule of Array.from(sheet.cssRules)) {
        if (rule instanceof CSSMediaRule && rule.conditionText === "print") rules.push(rule.cssText);
      }
    }
    return rules.join("\n");
  });
  expect(kept).toMatch(/h1, h2, h3, caption \{[^}]*break-after: avoid/);
});
