import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { sql } from "drizzle-orm";
import { withTestDatabase } from "./support/database";

type Ids = { movie: number; director: number; brando: number; vito: number; crime: number; country: number; runtime: number; budget: string };

let ids: Ids;

// The demo catalogue: The Godfather (1972-03-14, 175 min, $6,500,000) by Francis Ford Coppola, Marlon Brando
// (born 1924-04-03, so 47 at the release) as Vito Corleone.
test.beforeAll(async () => {
  const [row] = await withTestDatabase((db) =>
    db.execute<Ids>(sql`
      select m.id as movie, m.director_id as director, m.duration as runtime, m.budget::text as budget, m.country_id as country,
             (select p.id from person p where p.first_name = 'Marlon' and p.last_name = 'Brando') as brando,
             (select c.id from character_ c where c.movie_id = m.id and c.name = 'Vito Corleone') as vito,
             (select g.id from genres g where g.name = 'Crime') as crime
      from movie m where m.title = 'The Godfather' and m.release_date = '1972-03-14'`),
  );
  expect(row, "the demo catalogue has The Godfather").toBeTruthy();
  expect(row.runtime).toBe(175);
  expect(Number(row.budget)).toBe(6_500_000);
  ids = row;
});

const canonical = () => `/movies/${ids.movie}-the-godfather`;

async function jsonLd(page: Page) {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((text) => JSON.parse(text) as Record<string, unknown>);
}

test("the movie page shows the film's facts, genres, director and country", async ({ page }) => {
  const response = await page.goto(canonical());
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle("The Godfather (1972) · Marquee");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The Godfather (1972)");

  const poster = page.getByRole("img", { name: "Poster of The Godfather" });
  await expect(poster).toBeVisible();
  await expect.poll(() => poster.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

  const fact = (label: string) => page.locator("dl > div").filter({ has: page.locator("dt", { hasText: label }) }).locator("dd");
  await expect(fact("Runtime")).toHaveText("2 h 55 min");
  await expect(fact("Release date")).toHaveText("March 14, 1972");
  await expect(fact("Budget")).toHaveText("$6,500,000");
  // The person page is someone else's: assert where the link goes, not what it shows.
  await expect(fact("Director").getByRole("link", { name: "Francis Ford Coppola" })).toHaveAttribute("href", `/people/${ids.director}-francis-ford-coppola`);
  await expect(fact("Country").getByRole("link", { name: "United States" })).toHaveAttribute("href", `/movies?country=${ids.country}`);

  const genres = page.getByRole("list", { name: "Genres", exact: true });
  await expect(genres.getByRole("link")).toHaveText(["Crime", "Drama"]);
  await expect(genres.getByRole("link", { name: "Crime" })).toHaveAttribute("href", `/movies?genre=${ids.crime}`);
  await expect(page.getByText(/aging head of the Corleone crime family/)).toBeVisible();
});

test("the cast shows Vito Corleone played by Marlon Brando, 47 at the release, leads first", async ({ page }) => {
  await page.goto(canonical());
  const cast = page.getByRole("region", { name: "Cast" });
  const entries = cast.getByTestId("cast-entry");
  await expect(entries).toHaveCount(8);
  // Billing order: the two leads come first.
  await expect(entries.nth(0)).toContainText("Vito Corleone");
  await expect(entries.nth(1)).toContainText("Michael Corleone");
  await expect(cast.getByRole("heading", { name: "Leading roles" })).toBeVisible();

  const vito = entries.filter({ hasText: "Vito Corleone" });
  await expect(vito.getByRole("link", { name: "Vito Corleone" })).toHaveAttribute("href", `/characters/${ids.vito}-vito-corleone`);
  const brando = vito.getByRole("list", { name: "Played by" }).getByRole("listitem");
  await expect(brando).toHaveCount(1);
  await expect(brando.getByRole("link", { name: "Marlon Brando" })).toHaveAttribute("href", `/people/${ids.brando}-marlon-brando`);
  await expect(brando).toContainText("Age 47 at release");
  // A photo thumbnail of the actor, actually loaded.
  const thumbnail = brando.locator("img");
  await thumbnail.scrollIntoViewIfNeeded();
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
});

test("the page carries schema.org Movie JSON-LD with PerformanceRole actors", async ({ page, baseURL }) => {
  await page.goto(canonical());
  const movie = (await jsonLd(page)).find((block) => block["@type"] === "Movie");
  expect(movie).toBeDefined();
  expect(movie).toMatchObject({
    "@context": "https://schema.org",
    name: "The Godfather",
    datePublished: "1972-03-14",
    duration: "PT2H55M",
    genre: ["Crime", "Drama"],
    countryOfOrigin: { "@type": "Country", name: "United States" },
    director: { "@type": "Person", name: "Francis Ford Coppola", url: `${baseURL}/people/${ids.director}-francis-ford-coppola` },
  });
  expect(String(movie!.image)).toMatch(new RegExp(`^${baseURL}/files/[0-9a-f]{32}\\.webp$`));
  const roles = movie!.actor as { "@type": string; roleName: string; actor: { "@type": string; name: string; url: string } }[];
  expect(roles.length).toBeGreaterThanOrEqual(8);
  expect(roles.every((r) => r["@type"] === "PerformanceRole" && r.actor["@type"] === "Person")).toBe(true);
  expect(roles).toContainEqual(
    expect.objectContaining({ roleName: "Vito Corleone", actor: { "@type": "Person", name: "Marlon Brando", url: `${baseURL}/people/${ids.brando}-marlon-brando` } }),
  );
});

test("Open Graph and Twitter metadata point at the canonical URL and an absolute poster", async ({ page, request, baseURL }) => {
  await page.goto(canonical());
  const meta = (selector: string) => page.locator(selector).first();
  await expect(meta('meta[property="og:title"]')).toHaveAttribute("content", "The Godfather (1972)");
  await expect(meta('meta[property="og:type"]')).toHaveAttribute("content", "video.movie");
  await expect(meta('meta[property="og:url"]')).toHaveAttribute("content", `${baseURL}${canonical()}`);
  await expect(meta('link[rel="canonical"]')).toHaveAttribute("href", `${baseURL}${canonical()}`);
  await expect(meta('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  await expect(meta('meta[name="description"]')).toHaveAttribute("content", /Corleone/);
  const image = await meta('meta[property="og:image"]').getAttribute("content");
  expect(image).toMatch(new RegExp(`^${baseURL}/files/`));
  await expect(meta('meta[name="twitter:image"]')).toHaveAttribute("content", image!);
  // The image is a real, publicly served file.
  const file = await request.get(image!);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toMatch(/^image\//);
});

test("other spellings of the URL redirect permanently to the canonical one", async ({ request, page }) => {
  for (const path of [`/movies/${ids.movie}`, `/movies/${ids.movie}-wrong-slug`, `/movies/${ids.movie}-The-Godfather`]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(308);
    expect(response.headers()["location"], path).toBe(canonical());
  }
  const withQuery = await request.get(`/movies/${ids.movie}?utm_source=newsletter`, { maxRedirects: 0 });
  expect(withQuery.headers()["location"]).toBe(`${canonical()}?utm_source=newsletter`);
  await page.goto(`/movies/${ids.movie}-wrong-slug`);
  await expect(page).toHaveURL(canonical());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The Godfather (1972)");
});

test("an unknown or malformed movie id answers a real 404", async ({ page, request }) => {
  for (const path of ["/movies/abc", "/movies/0", "/movies/99999999", "/movies/99999999-the-godfather", "/movies/-1", "/movies/12345678901234567890"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
  }
  const response = await page.goto("/movies/99999999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: /not found/i })).toBeVisible();
});

test("a character link on the movie page leads to that character", async ({ page }) => {
  await page.goto(canonical());
  await page.getByRole("region", { name: "Cast" }).getByRole("link", { name: "Vito Corleone" }).click();
  await expect(page).toHaveURL(`/characters/${ids.vito}-vito-corleone`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vito Corleone");
});

for (const scheme of ["light", "dark"] as const) {
  test(`the movie page has no serious accessibility violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(canonical());
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
  });
}

test.describe("related films under the cast", () => {
  test("“More from Francis Ford Coppola” lists his other films and links to his filmography", async ({ page }) => {
    await page.goto(canonical());
    const row = page.getByRole("region", { name: "More from Francis Ford Coppola" });
    const cards = row.getByTestId("director-film");
    await expect(cards).toHaveCount(2);
    // Never the film itself; his other two, however users' favorites order them.
    expect((await cards.getByRole("heading").allTextContents()).sort()).toEqual(["Apocalypse Now", "The Godfather Part II"]);
    await expect(row.getByRole("link", { name: "Apocalypse Now" })).toHaveAttribute("href", /^\/movies\/\d+-apocalypse-now$/);
    await expect(row.getByRole("link", { name: "Full filmography" })).toHaveAttribute("href", `/people/${ids.director}-francis-ford-coppola#directing`);
    // A plain server-rendered row: no hearts (no client island).
    await expect(row.getByTestId("favorite-button")).toHaveCount(0);

    await row.getByRole("link", { name: "Apocalypse Now" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Apocalypse Now (1979)");
  });

  test("“In the same genres” shows films sharing the most genres, not the film nor the director's row", async ({ page }) => {
    await page.goto(canonical());
    const row = page.getByRole("region", { name: "In the same genres" });
    await expect(row).toContainText("Crime · Drama");
    const titles = await row.getByTestId("same-genre-film").getByRole("heading").allTextContents();
    expect(titles).toHaveLength(6);
    expect(titles).not.toContain("The Godfather");
    expect(titles).not.toContain("The Godfather Part II");
    // Many demo films are both crime and drama: every one shown shares both genres with The Godfather.
    const shared = await withTestDatabase((db) =>
      db.execute<{ title: string; shared: number }>(sql`
        select m.title, count(*)::int as shared from movie m join movie_genres mg on mg.movie_id = m.id
        where m.title in ${titles} and mg.genre_id in (select genre_id from movie_genres where movie_id = ${ids.movie})
        group by m.title`),
    );
    expect(shared.map((r) => r.shared)).toEqual(titles.map(() => 2));
  });

  test("a film without a director or genres shows neither row", async ({ page }) => {
    const title = `Lonely Film ${Date.now()}`;
    const [film] = await withTestDatabase((db) => db.execute<{ id: number }>(sql`insert into movie (title, duration) values (${title}, 90) returning id`));
    try {
      await page.goto(`/movies/${film.id}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      await expect(page.getByRole("heading", { name: /^More from/ })).toHaveCount(0);
      await expect(page.getByRole("heading", { name: "In the same genres" })).toHaveCount(0);
    } finally {
      await withTestDatabase((db) => db.execute(sql`delete from movie where id = ${film.id}`));
    }
  });
});
