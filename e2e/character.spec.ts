import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { sql } from "drizzle-orm";
import { withTestDatabase } from "./support/database";

type Ids = { kane: number; movie: number; welles: number; swan: number; leland: number };

let ids: Ids;

// The demo catalogue: Charles Foster Kane in Citizen Kane (1941-05-01), played by Orson Welles (born 1915-05-06,
// so 25 at the release) and, as a boy, by Buddy Swan (born 1929-10-24, so 11).
test.beforeAll(async () => {
  const [row] = await withTestDatabase((db) =>
    db.execute<Ids>(sql`
      select c.id as kane, m.id as movie,
             (select p.id from person p where p.first_name = 'Orson' and p.last_name = 'Welles') as welles,
             (select p.id from person p where p.first_name = 'Buddy' and p.last_name = 'Swan') as swan,
             (select o.id from character_ o where o.movie_id = m.id and o.name = 'Jedediah Leland') as leland
      from character_ c join movie m on m.id = c.movie_id
      where c.name = 'Charles Foster Kane' and m.title = 'Citizen Kane'`),
  );
  expect(row, "the demo catalogue has Charles Foster Kane").toBeTruthy();
  ids = row;
});

const canonical = () => `/characters/${ids.kane}-charles-foster-kane`;

test("Charles Foster Kane lists both actors who played him, with their ages at the release", async ({ page }) => {
  const response = await page.goto(canonical());
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle("Charles Foster Kane in Citizen Kane (1941) · Marquee");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Charles Foster Kane");
  await expect(page.getByText("Character · Lead role")).toBeVisible();
  await expect(page.getByText(/publishing tycoon/)).toBeVisible();

  const playedBy = page.getByRole("region", { name: "Played by" });
  const cards = playedBy.getByTestId("person-card");
  await expect(cards).toHaveCount(2);
  const welles = cards.filter({ hasText: "Orson Welles" });
  await expect(welles.getByRole("link", { name: "Orson Welles" })).toHaveAttribute("href", `/people/${ids.welles}-orson-welles`);
  await expect(welles).toContainText("Age 25 at release");
  const swan = cards.filter({ hasText: "Buddy Swan" });
  await expect(swan.getByRole("link", { name: "Buddy Swan" })).toHaveAttribute("href", `/people/${ids.swan}-buddy-swan`);
  await expect(swan).toContainText("Age 11 at release");
  await expect(welles.getByRole("img", { name: "Photo of Orson Welles" })).toBeVisible();
});

test("the character page shows its film and the film's other characters", async ({ page }) => {
  await page.goto(canonical());
  const film = page.getByRole("complementary", { name: "The film" });
  const card = film.getByTestId("movie-card");
  await expect(card.getByRole("link", { name: "Citizen Kane" })).toHaveAttribute("href", `/movies/${ids.movie}-citizen-kane`);
  await expect(card).toContainText("1941");
  await expect(film.getByRole("link", { name: "Orson Welles" })).toHaveAttribute("href", `/people/${ids.welles}-orson-welles`);
  await expect(card.getByRole("img", { name: "Poster of Citizen Kane" })).toBeVisible();

  const others = page.getByRole("region", { name: "Other characters in Citizen Kane" });
  const items = others.getByRole("listitem");
  await expect(items).toHaveCount(7);
  await expect(items.filter({ hasText: "Charles Foster Kane" })).toHaveCount(0);
  const leland = items.filter({ hasText: "Jedediah Leland" });
  await expect(leland.getByRole("link", { name: "Jedediah Leland" })).toHaveAttribute("href", `/characters/${ids.leland}-jedediah-leland`);
  await expect(leland).toContainText("Joseph Cotten");

  await card.getByRole("link", { name: "Citizen Kane" }).click();
  await expect(page).toHaveURL(`/movies/${ids.movie}-citizen-kane`);
  const kane = page.getByTestId("cast-entry").filter({ hasText: "Charles Foster Kane" });
  await expect(kane.getByRole("list", { name: "Played by" }).getByRole("link")).toHaveText(["Orson Welles", "Buddy Swan"]);
});

test("the character page has a canonical URL and Open Graph metadata", async ({ page, baseURL }) => {
  await page.goto(canonical());
  await expect(page.locator('link[rel="canonical"]').first()).toHaveAttribute("href", `${baseURL}${canonical()}`);
  await expect(page.locator('meta[property="og:title"]').first()).toHaveAttribute("content", "Charles Foster Kane in Citizen Kane (1941)");
  await expect(page.locator('meta[property="og:image"]').first()).toHaveAttribute("content", new RegExp(`^${baseURL}/files/`));
});

test("character URLs redirect to the canonical spelling, and unknown ids answer 404", async ({ request }) => {
  for (const path of [`/characters/${ids.kane}`, `/characters/${ids.kane}-kane`]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(308);
    expect(response.headers()["location"], path).toBe(canonical());
  }
  for (const path of ["/characters/abc", "/characters/0", "/characters/99999999"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
  }
});

for (const scheme of ["light", "dark"] as const) {
  test(`the character page has no serious accessibility violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(canonical());
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
  });
}
