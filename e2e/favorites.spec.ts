/**
 * Favorites beyond the first journey (accounts.spec.ts): from a movie page, the catalogue's "only my favorites /
 * hide them", /favorites with the catalogue's filters, and the person page's count.
 */
import { expect, test, type Page } from "@playwright/test";
import { sql } from "drizzle-orm";
import { withTestDatabase } from "./support/database";
import { signInRequest } from "./support/server-actions";
import { createTestUser, type TestUser } from "./support/users";

type Film = { id: number; title: string; slug: string };
let godfather: Film;
let amelie: Film;
let coppola: { id: number; films: number };

test.beforeAll(async () => {
  const rows = await withTestDatabase((db) =>
    db.execute<{ id: number; title: string }>(sql`
      select id, title from movie where (title = 'The Godfather' and release_date = '1972-03-14') or title = 'Amélie' order by release_date`),
  );
  expect(rows.length, "the demo catalogue has The Godfather and Amélie").toBe(2);
  godfather = { id: rows[0].id, title: rows[0].title, slug: "the-godfather" };
  amelie = { id: rows[1].id, title: rows[1].title, slug: "amelie" };
  const [person] = await withTestDatabase((db) =>
    db.execute<{ id: number; films: number }>(sql`
      select p.id, (select count(*) from (select m.id from movie m where m.director_id = p.id
                     union select c.movie_id from character_actors ca join character_ c on c.id = ca.character_id where ca.person_id = p.id) f)::int as films
      from person p where p.first_name = 'Francis Ford' and p.last_name = 'Coppola'`),
  );
  coppola = person;
});

async function signIn(page: Page, user: TestUser, to = "/") {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(to)}`);
  await page.getByLabel("Username or email").fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user-menu")).toContainText(user.username);
}

async function pressHeart(page: Page, scope = page.locator("body"), pressed: "true" | "false") {
  const heart = scope.getByTestId("favorite-button").first();
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), heart.click()]);
  await expect(heart).toHaveAttribute("aria-pressed", pressed);
}

test("favorite from a movie page, find it in /favorites, unfavorite it there", async ({ page }) => {
  const user = await createTestUser();
  await signIn(page, user, `/movies/${godfather.id}-${godfather.slug}`);
  await expect(page.getByRole("button", { name: "Add to favorites" })).toBeVisible();
  await pressHeart(page, page.locator("main"), "true");
  await expect(page.getByRole("button", { name: "In your favorites" })).toBeVisible();

  // Still there after a reload: it was saved, not only drawn.
  await page.reload();
  await expect(page.getByRole("button", { name: "In your favorites" })).toBeVisible();

  await page.goto("/favorites");
  await expect(page.getByTestId("favorites-count")).toHaveText("1 film");
  const card = page.getByTestId("movie-card").filter({ hasText: godfather.title });
  await expect(card).toBeVisible();
  // Unfavoriting here refreshes the list, so the card may already be gone when the answer arrives: check the list.
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), card.getByTestId("favorite-button").click()]);
  await expect(page.getByTestId("movie-card").filter({ hasText: godfather.title })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { name: "No favorites yet" })).toBeVisible();
});

test("the catalogue shows only my favorites, or hides them; signed out the filter is ignored with a notice", async ({ page }) => {
  const user = await createTestUser();
  await withTestDatabase((db) => db.execute(sql`insert into favorite_movies (user_id, movie_id) values (${user.id}, ${godfather.id}), (${user.id}, ${amelie.id})`));

  await page.goto("/movies?mine=only");
  await expect(page.getByText("Sign in to show only your favorites or hide them")).toBeVisible();
  await expect(page.getByRole("radio", { name: "Only my favorites" })).toHaveCount(0);

  await signIn(page, user, "/movies?q=godfather");
  const exactly = (title: string) => page.getByTestId("movie-card").getByRole("heading", { name: title, exact: true });
  await expect(exactly(godfather.title)).toHaveCount(1);
  // On wide screens the choice is under the catalogue's "More filters".
  await page.locator("summary", { hasText: "More filters:" }).click();
  await page.getByText("Only my favorites").click();
  await expect(page).toHaveURL(/[?&]mine=only/);
  await expect(page.locator("#movies-results")).toContainText("1 film");
  await expect(exactly(godfather.title)).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Remove the favorites filter Only my favorites" })).toBeVisible();

  // Hidden: The Godfather is gone from the same search (films added by other specs meanwhile don't matter).
  await page.getByText("Hide my favorites").click();
  await expect(page).toHaveURL(/[?&]mine=hide/);
  await expect(exactly(godfather.title)).toHaveCount(0);
  await page.getByText("All films").click();
  await expect(page).not.toHaveURL(/mine=/);
  await expect(exactly(godfather.title)).toHaveCount(1);
});

test("/favorites takes the catalogue's filters and its own sorts", async ({ page }) => {
  const user = await createTestUser();
  await withTestDatabase((db) =>
    db.execute(sql`insert into favorite_movies (user_id, movie_id, created_at) values (${user.id}, ${godfather.id}, now() - interval '1 day'), (${user.id}, ${amelie.id}, now())`),
  );
  await signIn(page, user, "/favorites");
  const cards = page.getByTestId("movie-card").getByRole("heading");
  await expect(cards).toHaveText([amelie.title, godfather.title]); // newest addition first

  await page.getByRole("link", { name: /^Year/ }).click();
  await expect(page).toHaveURL(/sort=release&dir=desc/);
  await expect(cards).toHaveText([amelie.title, godfather.title]);
  await page.getByRole("link", { name: /^Year/ }).click();
  await expect(cards).toHaveText([godfather.title, amelie.title]);

  await page.getByLabel("Title").fill("godfather");
  await page.getByRole("button", { name: "Show films" }).click();
  await expect(page).toHaveURL(/\/favorites\?q=godfather&sort=release&dir=asc/);
  await expect(cards).toHaveText([godfather.title]);
  await expect(page.getByTestId("favorites-count")).toHaveText("1 film of 2");

  await page.getByLabel("Title").fill("zzzz no such film");
  await page.getByRole("button", { name: "Show films" }).click();
  await expect(page.getByTestId("catalogue-empty")).toBeVisible();
  await page.getByRole("link", { name: "Clear all filters" }).click();
  await expect(cards).toHaveCount(2);
});

test("a person page says how many of their films are in my favorites", async ({ page }) => {
  const user = await createTestUser();
  await page.goto(`/people/${coppola.id}`);
  await expect(page.getByTestId("person-favorites")).toHaveCount(0); // visitors see no such line

  await signIn(page, user, `/people/${coppola.id}`);
  await expect(page.getByTestId("person-favorites")).toHaveText(`None of their ${coppola.films} films are in your favorites yet.`);
  await withTestDatabase((db) => db.execute(sql`insert into favorite_movies (user_id, movie_id) values (${user.id}, ${godfather.id})`));
  await page.reload();
  await expect(page.getByTestId("person-favorites")).toHaveText(`1 of their ${coppola.films} films is in your favorites.`);
});

test("per-user pages are never stored by a shared cache", async ({ playwright, baseURL }) => {
  const user = await createTestUser();
  const context = await playwright.request.newContext({ baseURL });
  await signInRequest(context, user.username, user.password);
  // (Public pages, the person page included, are the same for everyone now; the viewer's parts come from /api/viewer.)
  for (const path of ["/favorites", "/account", "/favorites/export.csv", "/movies?mine=only", `/api/viewer?person=${coppola.id}`]) {
    const response = await context.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    const cacheControl = response.headers()["cache-control"] ?? "";
    expect(cacheControl, path).toMatch(/private|no-store/);
    expect(cacheControl, path).not.toMatch(/public|s-maxage/);
  }
  await context.dispose();
});

test("importing a CSV matches a film whose year is one off, and says so", async ({ page }) => {
  const user = await createTestUser();
  const [{ year }] = await withTestDatabase((db) => db.execute<{ year: number }>(sql`select extract(year from release_date)::int as year from movie where id = ${amelie.id}`));
  await signIn(page, user, "/favorites");
  const csv = `Title,Year\nThe Godfather,1972\nAmelie,${year + 1}\nNo Such Film ${user.username},1999\n`;
  await page.getByLabel("CSV file").setInputFiles({ name: "list.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Import" }).click()]);
  const csvSection = page.getByRole("region", { name: "Export and import" });
  await expect(csvSection.getByTestId("form-message")).toContainText("Imported 3 rows: 2 added, 0 already in your favorites, 1 matched with a year one off, 1 not found.");
  await expect(page.getByTestId("import-near-year")).toContainText(`Amelie: matched with year ${year} (file said ${year + 1})`);
  await expect(page.getByTestId("import-unmatched")).toContainText(`No Such Film ${user.username} (1999)`);
  await page.goto("/favorites");
  await expect(page.getByTestId("favorites-count")).toHaveText("2 films");
});
