import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { sql } from "drizzle-orm";
import { withTestDatabase } from "./support/database";
import { signInRequest } from "./support/server-actions";

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

/** Serious or critical axe violations on the page as it is now, as readable lines. */
async function seriousViolations(page: Page, tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]) {
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  return serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

for (const scheme of ["light", "dark"] as const) {
  test(`the admin person page with a gallery has no serious accessibility violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const [person] = await withTestDatabase((db) =>
      db.execute<{ id: number }>(sql`select person_id as id from person_photos group by person_id having count(*) >= 2 order by person_id limit 1`),
    );
    expect(person, "the demo catalogue has a person with a gallery").toBeTruthy();
    await signInRequest(page.request, "editor", "marquee-editor");
    await page.goto(`/admin/people/${person.id}`);
    // Each button's name starts with its visible words (label-content-name-mismatch), then names the photo.
    await expect(page.getByRole("button", { name: /^Make main photo: .+/ }).first()).toBeVisible();
    expect(await seriousViolations(page, ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "experimental"])).toEqual([]);
  });
}

test("movie cards' title links are targets of at least 24 px beside the heart (target-size)", async ({ page }) => {
  await signInRequest(page.request, "visitor", "marquee-visitor");
  await page.goto("/movies");
  const card = page.getByTestId("movie-card").first();
  await expect(card.getByTestId("favorite-button")).toBeVisible();
  const box = await card.getByRole("heading").getByRole("link").boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(24);
  const results = await new AxeBuilder({ page }).withRules(["target-size"]).include('[data-testid="movie-card"]').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
});
