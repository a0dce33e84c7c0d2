import { expect, test } from "@playwright/test";

test("the genres index shows film counts and links into the catalogue", async ({ page }) => {
  await page.goto("/genres");
  await expect(page.getByRole("heading", { level: 1, name: "Genres" })).toBeVisible();
  const crime = page.getByRole("link", { name: /^Crime \d+ films?$/ });
  await expect(crime).toBeVisible();
  await expect(crime).toHaveAttribute("href", /^\/movies\?genre=\d+$/);
});

test("the countries index shows film and people counts with links", async ({ page }) => {
  await page.goto("/countries");
  await expect(page.getByRole("heading", { level: 1, name: "Countries" })).toBeVisible();
  const japan = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Japan", exact: true }) });
  await expect(japan.getByRole("link", { name: /^\d+ films?$/ })).toHaveAttribute("href", /^\/movies\?country=\d+$/);
  await expect(japan.getByRole("link", { name: /^\d+ (person|people)$/ })).toHaveAttribute("href", /^\/people\?country=\d+$/);
});

test("the home page offers search, genres and popular people", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("searchbox", { name: "Search movies, people and characters" }).first()).toBeVisible();
  const genres = page.getByRole("region", { name: "Browse by genre" });
  await expect(genres.getByRole("link", { name: /Drama/ })).toHaveAttribute("href", /^\/movies\?genre=\d+$/);
  const people = page.getByRole("region", { name: "Popular people" });
  await expect(people.getByTestId("person-card")).toHaveCount(6);
  await expect(people.getByTestId("person-card").first().getByRole("link")).toHaveAttribute("href", /^\/people\/\d+-[a-z0-9-]+$/);
});

test("sitemap.xml is an index of absolute sitemap URLs, each listing canonical pages", async ({ request, baseURL }) => {
  const index = await request.get("/sitemap.xml");
  expect(index.status()).toBe(200);
  expect(index.headers()["content-type"]).toContain("application/xml");
  const body = await index.text();
  expect(body).toContain("<sitemapindex");
  for (const name of ["static", "movies-0", "people-0", "characters-0"]) expect(body).toContain(`${baseURL}/sitemaps/${name}.xml`);

  const movies = await (await request.get("/sitemaps/movies-0.xml")).text();
  expect(movies).toMatch(new RegExp(`<loc>${baseURL}/movies/\\d+-the-godfather</loc>`));
  expect(movies).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}T/);
  expect((await request.get("/sitemaps/movies-99.xml")).status()).toBe(404);
  expect((await request.get("/sitemaps/..%2Fetc.xml")).status()).toBe(404);
});

test("robots.txt points at the sitemap and keeps private areas out", async ({ request, baseURL }) => {
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  expect(robots).toMatch(/Disallow: \/admin/);
});
