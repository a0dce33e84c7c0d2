import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

// The main pages, light and dark: axe must report no serious or critical violation.
const PAGES = ["/", "/movies", "/movies?genre=1&sort=title&dir=asc", "/genres", "/countries", "/people", "/search?q=godfather", "/no-such-page"];
const DETAIL_LINKS = [
  { from: "/movies", card: "movie-card" },
  { from: "/people", card: "person-card" },
];

for (const scheme of ["light", "dark"] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });

    for (const path of PAGES) {
      test(`${path} has no serious accessibility violations`, async ({ page }) => {
        await page.goto(path);
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
        const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
      });
    }

    for (const { from, card } of DETAIL_LINKS) {
      test(`a detail page reached from ${from} has no serious accessibility violations`, async ({ page }) => {
        await page.goto(from);
        await page.getByTestId(card).first().getByRole("link").first().click();
        await page.waitForLoadState("networkidle");
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
        const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
      });
    }
  });
}
