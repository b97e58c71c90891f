import { expect, test } from "@playwright/test";
import { go, visit } from "./helpers";

// "How is Stoke-on-Trent doing?" on a phone (390x844), with JavaScript on and off: the six
// priorities, survey and non-survey indicators side by side with England, each judgement in
// words with a shape, no sideways scrolling, and an indicator page whose chart has a table.
test("the public framework reads on a phone, every chart with its table", async ({ page }, info) => {
  await visit(page, info, "/wellbeing");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How is Stoke-on-Trent doing?");
  for (const p of ["A healthier city", "A wealthier city", "A safer city", "A greener city", "A cleaner city", "A fairer city"]) {
    await expect(page.getByRole("heading", { level: 2, name: p })).toBeVisible();
  }
  // Nothing wider than the phone: rows stack into labelled cards.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const link = page.getByRole("link", { name: "Male average life expectancy", exact: true });
  const row = page.locator("table.framework-table tbody tr").filter({ has: link });
  await expect(row.locator("td[data-label='England']")).toContainText(/\d+\.\d years/);
  await expect(row.locator("td[data-label='Compared with England'] .mark")).toHaveCount(1);
  await expect(page.locator("table.framework-table tbody tr", { hasText: "Life satisfaction: average score" })).toContainText("Resident survey");
  await expect(page.locator("#you-said-we-did")).toContainText("Cleaner streets in the town centres");

  await go(page, info, () => link.click());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Male average life expectancy");
  await expect(page.locator("figure.chart svg title")).toHaveText("Male average life expectancy over time");
  await expect(page.getByRole("table", { name: /every period/ }).locator("tbody tr").first()).toContainText("as published in the Corporate Strategy 2024-28");
  await expect(page.getByText("Higher is better")).toBeVisible();

  // A survey indicator: its ward map and every ward against the city at 99.8% limits.
  await visit(page, info, "/wellbeing/wb_life_satisfaction_mean");
  await expect(page.getByRole("heading", { level: 2, name: /By ward/ })).toBeVisible();
  await expect(page.getByRole("table", { name: /Wards compared with the city/ }).locator("tbody tr")).not.toHaveCount(0);

  // axe does not check SVG text: every tile's words keep 4.5:1 against the tile, and are at
  // least 11 px tall as drawn on the phone.
  const tiles = await page.locator(".tile-map g.tile").evaluateAll((gs) => {
    const rgb = (c: string) => (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
    const lum = (c: string) => {
      const [r, g, b] = rgb(c).map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a: string, b: string) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    return gs.flatMap((g) => {
      const back = getComputedStyle(g.querySelector("rect")!).fill;
      return Array.from(g.querySelectorAll("text")).map((t) => ({
        text: t.textContent ?? "",
        contrast: ratio(getComputedStyle(t).fill, back),
        height: t.getBoundingClientRect().height,
      }));
    });
  });
  expect(tiles.length).toBeGreaterThan(0);
  for (const t of tiles) {
    expect(t.contrast, `contrast of "${t.text}"`).toBeGreaterThanOrEqual(4.5);
    expect(t.height, `height of "${t.text}"`).toBeGreaterThanOrEqual(11);
  }

  await visit(page, info, "/you-said-we-did");
  await expect(page.getByRole("heading", { level: 2, name: "Feeling safe after dark" })).toBeVisible();
});
