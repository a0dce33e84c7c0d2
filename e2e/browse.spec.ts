import { expect, test, type Page } from "@playwright/test";
import { sql } from "drizzle-orm";
import { withTestDatabase } from "./support/database";

/** The catalogue as the database sees it, to know what each state of /movies must show. */
type Catalogue = {
  total: number;
  crime: number;
  drama: number;
  italy: number;
  /** Titles of films with both Crime and Drama released 1970–1999, by title, then by release date (newest first). */
  crimeDramaByTitle: string[];
  crimeDramaByRelease: string[];
  /** Every title, newest first (the default order). */
  newestFirst: string[];
  dramaCount: number;
  italyCount: number;
};

let catalogue: Catalogue;

test.beforeAll(async () => {
  catalogue = await withTestDatabase(async (db) => {
    const [ids] = await db.execute<{ crime: number; drama: number; italy: number; total: number; drama_count: number; italy_count: number }>(sql`
      select (select id from genres where name = 'Crime') as crime, (select id from genres where name = 'Drama') as drama,
             (select id from countries where name = 'Italy') as italy, (select count(*)::int from movie) as total,
             (select count(*)::int from movie_genres mg join genres g on g.id = mg.genre_id where g.name = 'Drama') as drama_count,
             (select count(*)::int from movie m join countries c on c.id = m.country_id where c.name = 'Italy') as italy_count`);
    const crimeDrama = (order: ReturnType<typeof sql>) =>
      db.execute<{ title: string }>(sql`
        select m.title from movie m
        where exists (select 1 from movie_genres where movie_id = m.id and genre_id = ${ids.crime})
          and exists (select 1 from movie_genres where movie_id = m.id and genre_id = ${ids.drama})
          and m.release_date >= '1970-01-01' and m.release_date < '2000-01-01'
        order by ${order}`);
    const byTitle = await crimeDrama(sql`m.title asc, m.id asc`);
    const byRelease = await crimeDrama(sql`m.release_date desc, m.id desc`);
    const newest = await db.execute<{ title: string }>(sql`select title from movie order by release_date desc nulls last, id desc`);
    return {
      total: ids.total,
      crime: ids.crime,
      drama: ids.drama,
      italy: ids.italy,
      dramaCount: ids.drama_count,
      italyCount: ids.italy_count,
      crimeDramaByTitle: byTitle.map((r) => r.title),
      crimeDramaByRelease: byRelease.map((r) => r.title),
      newestFirst: newest.map((r) => r.title),
    };
  });
  // The journeys below need a catalogue with more than one page and a real two-genre selection.
  expect(catalogue.total).toBeGreaterThan(48);
  expect(catalogue.crimeDramaByTitle.length).toBeGreaterThan(2);
  expect(catalogue.crimeDramaByTitle).not.toEqual(catalogue.crimeDramaByRelease);
});

const cardTitles = (page: Page) => page.getByTestId("movie-card").getByRole("heading");
const resultCount = (page: Page) => page.locator("#movies-results");
const filters = (page: Page) => page.getByRole("form", { name: "Filter films" });
/** A genre's checkbox, its drop-down opened first (on wide screens the genres are one, to keep the filters one row). */
async function genre(page: Page, name: string) {
  const checkbox = filters(page).getByRole("checkbox", { name: new RegExp(`^${name}\\b`) });
  if (!(await checkbox.isVisible())) await filters(page).locator("summary", { hasText: "Genres:" }).click();
  return checkbox;
}
const films = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "film" : "films"}`;

test.describe("with JavaScript", () => {
  test("two genres, a year range and a sort: the URL carries the state and Back restores the results", async ({ page }) => {
    // Some thirty steps, a second page and four Backs: about 30 s when the suite's workers share two cores.
    test.slow();
    await page.goto("/movies");
    await expect(page).toHaveTitle("Movies · Marquee");
    await expect(resultCount(page)).toContainText(films(catalogue.total));

    // Checkboxes apply at once.
    await (await genre(page, "Crime")).check();
    await expect(page).toHaveURL(new RegExp(`/movies\\?genre=${catalogue.crime}$`));
    await (await genre(page, "Drama")).check();
    await expect(page).toHaveURL(new RegExp(`/movies\\?genre=${catalogue.crime}&genre=${catalogue.drama}$`));

    // Typed fields apply with Enter.
    await filters(page).getByRole("spinbutton", { name: "From", exact: true }).fill("1970");
    await filters(page).getByRole("spinbutton", { name: "To", exact: true }).fill("1999");
    await filters(page).getByRole("spinbutton", { name: "To", exact: true }).press("Enter");
    await expect(page).toHaveURL(new RegExp(`genre=${catalogue.crime}&genre=${catalogue.drama}&from=1970&to=1999$`));
    await expect(cardTitles(page)).toHaveText(catalogue.crimeDramaByRelease);
    await expect(resultCount(page)).toHaveText(films(catalogue.crimeDramaByRelease.length));

    // Picking the title sort starts A to Z.
    await page.getByLabel("Sort by", { exact: true }).selectOption("title");
    await expect(page).toHaveURL(/&sort=title&dir=asc$/);
    await expect(page.getByLabel("Order", { exact: true }).locator("option:checked")).toHaveText("A to Z");
    await expect(cardTitles(page)).toHaveText(catalogue.crimeDramaByTitle);
    const active = page.getByRole("list", { name: "Active filters" });
    await expect(active.getByRole("link")).toHaveText(["Remove the genre filter Crime", "Remove the genre filter Drama", "Remove the release years filter 1970–1999", "Clear all"]);

    // The same URL opened afresh shows the same state: it is shareable.
    const shared = page.url();
    const other = await page.context().newPage();
    await other.goto(shared);
    await expect(cardTitles(other)).toHaveText(catalogue.crimeDramaByTitle);
    await expect(filters(other).getByRole("checkbox", { name: /^Drama\b/, includeHidden: true })).toBeChecked();
    await other.close();

    // Back: the previous order, and the form shows the state of that URL.
    await page.goBack();
    await expect(page).toHaveURL(/to=1999$/);
    await expect(cardTitles(page)).toHaveText(catalogue.crimeDramaByRelease);
    await expect(page.getByLabel("Sort by", { exact: true })).toHaveValue("release");
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`genre=${catalogue.drama}$`));
    await expect(filters(page).getByRole("spinbutton", { name: "From", exact: true })).toHaveValue("");
    await page.goBack();
    await page.goBack();
    await expect(page).toHaveURL(/\/movies$/);
    await expect(resultCount(page)).toContainText(films(catalogue.total));
    await expect(filters(page).getByRole("checkbox", { name: /^Crime\b/, includeHidden: true })).not.toBeChecked();
  });

  test("a year typed while the previous filter is still loading is kept when its results arrive", async ({ page }) => {
    await page.goto("/movies");
    await expect(resultCount(page)).toContainText(films(catalogue.total));
    // Hold the catalogue's navigation answers until the year has been typed.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/movies\?genre=/, async (route) => {
      if (route.request().headers()["rsc"]) await held;
      await route.continue();
    });
    await (await genre(page, "Crime")).check();
    const from = filters(page).getByRole("spinbutton", { name: "From", exact: true });
    await from.fill("1970");
    release();
    await expect(page).toHaveURL(new RegExp(`/movies\\?genre=${catalogue.crime}$`));
    await expect(filters(page).getByRole("checkbox", { name: /^Crime\b/, includeHidden: true })).toBeChecked();
    await expect(from).toHaveValue("1970");
    await from.press("Enter");
    await expect(page).toHaveURL(new RegExp(`genre=${catalogue.crime}&from=1970$`));
  });

  test("a chip removes its filter and Clear all removes every filter but keeps the sort", async ({ page }) => {
    await page.goto(`/movies?genre=${catalogue.crime}&genre=${catalogue.drama}&from=1970&to=1999&sort=title&dir=asc`);
    await page.getByRole("link", { name: "Remove the genre filter Crime" }).click();
    await expect(page).toHaveURL(`/movies?genre=${catalogue.drama}&from=1970&to=1999&sort=title&dir=asc`);
    await expect(filters(page).getByRole("checkbox", { name: /^Crime\b/, includeHidden: true })).not.toBeChecked();
    await page.getByRole("list", { name: "Active filters" }).getByRole("link", { name: "Clear all" }).click();
    await expect(page).toHaveURL("/movies?sort=title&dir=asc");
    await expect(resultCount(page)).toContainText(films(catalogue.total));
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the same journey works with a plain GET form, and Back restores the results", async ({ page }) => {
    await page.goto("/movies");
    await expect(resultCount(page)).toContainText(films(catalogue.total));
    await (await genre(page, "Crime")).check();
    await (await genre(page, "Drama")).check();
    await filters(page).getByRole("spinbutton", { name: "From", exact: true }).fill("1970");
    await filters(page).getByRole("spinbutton", { name: "To", exact: true }).fill("1999");
    await page.getByLabel("Sort by", { exact: true }).selectOption("title");
    await page.getByLabel("Order", { exact: true }).selectOption("asc");
    await filters(page).getByRole("button", { name: "Show films" }).click();

    await expect(page).toHaveURL(/\/movies\?/);
    const url = new URL(page.url());
    expect(url.searchParams.getAll("genre")).toEqual([String(catalogue.crime), String(catalogue.drama)]);
    expect(Object.fromEntries(["from", "to", "sort", "dir"].map((k) => [k, url.searchParams.get(k)]))).toEqual({ from: "1970", to: "1999", sort: "title", dir: "asc" });
    await expect(cardTitles(page)).toHaveText(catalogue.crimeDramaByTitle);
    await expect(resultCount(page)).toHaveText(films(catalogue.crimeDramaByTitle.length));
    await expect(filters(page).getByRole("checkbox", { name: /^Drama\b/, includeHidden: true })).toBeChecked();

    // The sort alone, with its own button.
    await page.getByLabel("Order", { exact: true }).selectOption("desc");
    await page.getByRole("button", { name: "Sort", exact: true }).click();
    await expect(page).toHaveURL(/dir=desc/);
    await expect(cardTitles(page)).toHaveText([...catalogue.crimeDramaByTitle].reverse());

    await page.goBack();
    await expect(cardTitles(page)).toHaveText(catalogue.crimeDramaByTitle);
    await page.goBack();
    await expect(page).toHaveURL(/\/movies$/);
    await expect(resultCount(page)).toContainText(films(catalogue.total));
  });

  test("Sort by Title with the order left as it reads is A to Z, at a URL without the form's empty fields", async ({ page }) => {
    await page.goto(`/movies?genre=${catalogue.crime}&genre=${catalogue.drama}&from=1970&to=1999`);
    const order = page.getByLabel("Order", { exact: true });
    await expect(order.locator("option:checked")).toHaveText("Newest first");
    await page.getByLabel("Sort by", { exact: true }).selectOption("title");
    const [redirect] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === "/movies" && r.request().isNavigationRequest() && r.status() === 307),
      page.getByRole("button", { name: "Sort", exact: true }).click(),
    ]);
    expect(new URL(redirect.url()).searchParams.get("q")).toBe(""); // what the browser sent: every field
    await expect(page).toHaveURL(`/movies?genre=${catalogue.crime}&genre=${catalogue.drama}&from=1970&to=1999&sort=title&dir=asc`);
    await expect(cardTitles(page)).toHaveText(catalogue.crimeDramaByTitle);
    await expect(order.locator("option:checked")).toHaveText("A to Z");
  });

  test("the filter forms of /favorites and /people also land on URLs without empty fields", async ({ request }) => {
    for (const [sent, canonical] of [
      ["/favorites?sort=added&dir=desc&q=&country=&from=1990&to=&minRuntime=&maxRuntime=", "/favorites?from=1990"],
      ["/people?q=kane&country=&role=&sort=name", "/people?q=kane"],
      ["/movies?q=&country=&from=&to=&minRuntime=&maxRuntime=&sort=release&dir=", "/movies"],
    ]) {
      const response = await request.get(sent, { maxRedirects: 0 });
      expect(response.status(), sent).toBe(307);
      expect(new URL(response.headers().location, "http://site").pathname + new URL(response.headers().location, "http://site").search).toBe(canonical);
    }
  });

  test("chips and pagination are plain links", async ({ page }) => {
    await page.goto(`/movies?genre=${catalogue.drama}`);
    await page.getByRole("navigation", { name: "Catalogue pages" }).getByRole("link", { name: "Page 2" }).click();
    await expect(page).toHaveURL(`/movies?genre=${catalogue.drama}&page=2`);
    await page.getByRole("link", { name: "Remove the genre filter Drama" }).click();
    await expect(page).toHaveURL("/movies");
    await expect(resultCount(page)).toContainText(films(catalogue.total));
  });
});

test("numbered pagination: page links, previous and next, the total, and filters kept", async ({ page }) => {
  const pageCount = Math.ceil(catalogue.total / 24);
  await page.goto("/movies");
  await expect(resultCount(page)).toHaveText(`${films(catalogue.total)} · page 1 of ${pageCount}`);
  await expect(cardTitles(page)).toHaveText(catalogue.newestFirst.slice(0, 24));
  const pages = page.getByRole("navigation", { name: "Catalogue pages" });
  await expect(pages.getByRole("link", { name: `Page ${pageCount}` })).toHaveAttribute("href", `/movies?page=${pageCount}`);

  await pages.getByRole("link", { name: "Page 2" }).click();
  await expect(page).toHaveURL("/movies?page=2");
  await expect(resultCount(page)).toHaveText(`${films(catalogue.total)} · page 2 of ${pageCount}`);
  await expect(cardTitles(page)).toHaveText(catalogue.newestFirst.slice(24, 48));
  await expect(pages.locator('[aria-current="page"]')).toHaveText("Page 2");

  await pages.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL("/movies?page=3");
  await expect(cardTitles(page)).toHaveText(catalogue.newestFirst.slice(48, 72));
  await pages.getByRole("link", { name: "Previous" }).click();
  await expect(page).toHaveURL("/movies?page=2");

  // Filters and sort survive paging; the last page holds the remainder.
  const dramaPages = Math.ceil(catalogue.dramaCount / 24);
  await page.goto(`/movies?genre=${catalogue.drama}&sort=title&dir=asc`);
  await pages.getByRole("link", { name: `Page ${dramaPages}` }).click();
  await expect(page).toHaveURL(`/movies?genre=${catalogue.drama}&sort=title&dir=asc&page=${dramaPages}`);
  await expect(page.getByTestId("movie-card")).toHaveCount(catalogue.dramaCount - (dramaPages - 1) * 24);
});

test("links from a film's country and genres land on the filtered catalogue", async ({ page }) => {
  await page.goto(`/movies?country=${catalogue.italy}`);
  await expect(resultCount(page)).toContainText(films(catalogue.italyCount));
  await expect(page.getByRole("link", { name: "Remove the country filter Italy" })).toBeVisible();
  await expect(filters(page).getByLabel("Country", { exact: true })).toHaveValue(String(catalogue.italy));
  await page.goto(`/movies?genre=${catalogue.drama}`);
  await expect(resultCount(page)).toContainText(films(catalogue.dramaCount));
});

test("an empty result offers a way out", async ({ page }) => {
  await page.goto(`/movies?q=zzqxj&genre=${catalogue.drama}`);
  const empty = page.getByTestId("catalogue-empty");
  await expect(empty.getByRole("heading", { name: "No films match all these filters" })).toBeVisible();
  await expect(resultCount(page)).toHaveText("0 films");
  await expect(empty.getByRole("link", { name: "Search people and characters for “zzqxj”" })).toHaveAttribute("href", "/search?q=zzqxj");
  await empty.getByRole("link", { name: "Without “zzqxj”" }).click();
  await expect(page).toHaveURL(`/movies?genre=${catalogue.drama}`);
  await expect(resultCount(page)).toContainText(films(catalogue.dramaCount));

  await page.goto("/movies?q=zzqxj");
  await page.getByTestId("catalogue-empty").getByRole("link", { name: "Clear all filters" }).click();
  await expect(page).toHaveURL("/movies");
  await expect(resultCount(page)).toContainText(films(catalogue.total));
});

test("garbage parameters answer 200 with a notice saying what was ignored", async ({ page }) => {
  const lastPage = Math.ceil(catalogue.total / 24);
  const cases: [string, string | RegExp][] = [
    ["page=-1", "Ignored an invalid page number “-1”."],
    ["page=99999999", `There is no page 99,999,999; showing the last page, ${lastPage}.`],
    ["from=abc", "Ignored an invalid year “abc”"],
    ["genre=999999", "Ignored an unknown genre “999999”."],
    ["country=999999", "Ignored an unknown country “999999”."],
    [`q=${"x".repeat(10_000)}`, "Shortened the search to its first 100 characters."],
    ["q=%E0%A4%A", "Removed characters from the search that were not valid text."],
    ["sort=popularity;drop%20table%20movie&dir=up", "Ignored an unknown sort “popularity;drop table movie”."],
    ["genre=1%27%20OR%201=1--", "Ignored an invalid genre “1' OR 1=1--”."],
  ];
  for (const [query, notice] of cases) {
    const response = await page.goto(`/movies?${query}`);
    expect(response?.status(), query.slice(0, 40)).toBe(200);
    await expect(page.getByRole("status").filter({ hasText: "Some of this address could not be used" })).toContainText(notice);
    await expect(resultCount(page)).toBeVisible();
  }
  // The last page is shown for a page beyond it.
  await page.goto("/movies?page=99999999");
  await expect(resultCount(page)).toContainText(`page ${lastPage} of ${lastPage}`);
  // Markup in a search is shown as text, never run.
  let dialog = false;
  page.on("dialog", (d) => {
    dialog = true;
    void d.dismiss();
  });
  const response = await page.goto("/movies?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText("<img src=x onerror=alert(1)>");
  expect(dialog).toBe(false);
});

test("the canonical URL leaves out junk, defaults and page 1", async ({ page }) => {
  await page.goto(`/movies?genre=${catalogue.drama}&utm_source=mail&page=1&sort=release&dir=desc&from=abc`);
  const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
  expect(new URL(canonical!).pathname + new URL(canonical!).search).toBe(`/movies?genre=${catalogue.drama}`);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("filters sit in a collapsed panel that opens and applies", async ({ page }) => {
    await page.goto("/movies");
    const form = filters(page);
    await expect(form).toBeHidden();
    await page.getByText("Filters", { exact: true }).click();
    await expect(form).toBeVisible();
    await form.getByRole("checkbox", { name: /^Drama\b/ }).check();
    await expect(page).toHaveURL(`/movies?genre=${catalogue.drama}`);
    await expect(resultCount(page)).toContainText(films(catalogue.dramaCount));
    await expect(page.locator("summary").first()).toContainText("1 active");
  });
});
