import { expect, test } from "@playwright/test";
import { sql } from "drizzle-orm";
import { withTestDatabase } from "./support/database";

test("the home page lists films from the database with their posters", async ({ page }) => {
  const rows = await withTestDatabase((db) =>
    db.execute<{ title: string; genres: string[] }>(sql`
      select title, array(select g.name from movie_genres mg join genres g on g.id = mg.genre_id where mg.movie_id = m.id order by g.name) as genres
      from movie m order by release_date desc nulls last, id desc limit 3`),
  );
  const newest = rows.map((r) => r.title);
  expect(newest.length).toBeGreaterThan(0);

  await page.goto("/");
  await expect(page).toHaveTitle(/Marquee/);
  const releases = page.getByRole("region", { name: "New releases" });
  for (const title of newest) {
    await expect(releases.getByRole("heading", { name: title, exact: true })).toBeVisible();
  }
  // Each card shows that film's own genres.
  for (const row of rows) {
    const card = releases.getByTestId("movie-card").filter({ has: page.getByRole("heading", { name: row.title, exact: true }) });
    await expect(card).toContainText(row.genres.slice(0, 2).join(", "));
  }
  // Posters are real stored files served through the image optimizer.
  const poster = releases.getByRole("img", { name: `Poster of ${newest[0]}` });
  await expect(poster).toBeVisible();
  await expect.poll(() => poster.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
});

test("the home page counts the demo catalogue", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByText(/\d{3,} films, \d{3,} people and \d{3,} characters/)).toBeVisible();
});

test("an unknown path answers 404 with a way back", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: /not found/i })).toBeVisible();
  await page.getByRole("link", { name: /home/i }).first().click();
  await expect(page).toHaveURL(/\/$/);
});
