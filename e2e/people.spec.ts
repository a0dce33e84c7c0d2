import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { sql } from "drizzle-orm";
import { withTestDatabase } from "./support/database";
import { createTestUser } from "./support/users";

async function personId(first: string, last: string): Promise<number> {
  const rows = await withTestDatabase((db) => db.execute<{ id: number }>(sql`select id from person where first_name = ${first} and last_name = ${last}`));
  expect(rows).toHaveLength(1);
  return rows[0].id;
}

function ageToday(birth: string): number {
  const [y, m, d] = birth.split("-").map(Number);
  const now = new Date();
  let age = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d)) age--;
  return age;
}

const cards = (page: Page) => page.getByTestId("person-card");
const card = (page: Page, name: string) => cards(page).filter({ has: page.getByRole("heading", { name, exact: true }) });

test.describe("people directory", () => {
  test("search ignores accents, filters by role and country, and keeps everything in the URL", async ({ page }) => {
    await page.goto("/people");
    await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
    const total = await withTestDatabase((db) => db.execute<{ n: number }>(sql`select count(*)::int as n from person`));
    await expect(page.getByRole("heading", { name: new RegExp(`^${total[0].n} people`) })).toBeVisible();
    await expect(cards(page)).toHaveCount(24);

    await page.getByRole("searchbox", { name: "Name" }).fill("francois");
    await page.getByRole("searchbox", { name: "Name" }).press("Enter");
    await expect(page).toHaveURL(/\/people\?q=francois$/);
    await expect(card(page, "François Truffaut")).toContainText("Director & actor · France");
    await expect(card(page, "François Cluzet")).toBeVisible();

    // Choosing a role applies at once.
    await page.getByText("Directors", { exact: true }).click();
    await expect(page).toHaveURL(/\/people\?q=francois&role=directors$/);
    await expect(cards(page)).toHaveCount(1);
    await expect(card(page, "François Truffaut")).toBeVisible();

    // Removing the search keeps the role; a country narrows it further.
    await page.getByRole("link", { name: /“francois” \(remove this filter\)/ }).click();
    await expect(page).toHaveURL(/\/people\?role=directors$/);
    await page.getByLabel("Country").selectOption({ label: "Japan" });
    await expect(page).toHaveURL(/\/people\?country=\d+&role=directors$/);
    await expect(card(page, "Akira Kurosawa")).toContainText("Director");
    for (const detail of await cards(page).locator("p").allTextContents()) expect(detail).toMatch(/^Director.* · Japan$/);

    // Back returns to the previous filters.
    await page.goBack();
    await expect(page).toHaveURL(/\/people\?role=directors$/);
    await expect(page.getByLabel("Country")).toHaveValue("");
  });

  test("sorts by birth date and pages through numbered pages", async ({ page }) => {
    await page.goto("/people?sort=born");
    const oldest = await withTestDatabase((db) =>
      db.execute<{ name: string }>(sql`select trim(first_name || ' ' || last_name) as name from person where date_of_birth is not null order by date_of_birth, id limit 1`),
    );
    await expect(cards(page).first().getByRole("heading")).toHaveText(oldest[0].name);
    const firstPage = await cards(page).getByRole("heading").allTextContents();

    const pages = page.getByRole("navigation", { name: "People pages" });
    await pages.getByRole("link", { name: "Page 2" }).click();
    await expect(page).toHaveURL(/\/people\?sort=born&page=2$/);
    await expect(pages.locator("[aria-current=page]")).toHaveText("Page 2");
    const secondPage = await cards(page).getByRole("heading").allTextContents();
    expect(secondPage).toHaveLength(24);
    expect(secondPage.filter((n) => firstPage.includes(n))).toEqual([]);
  });

  test("an empty result offers a way out, and garbage parameters are corrected with a notice", async ({ page }) => {
    await page.goto("/people?q=zzzzqqq");
    await expect(page.getByText("No one matches these filters")).toBeVisible();
    await page.getByRole("link", { name: "Clear all filters" }).click();
    await expect(page).toHaveURL(/\/people$/);
    await expect(cards(page)).toHaveCount(24);

    const response = await page.goto("/people?page=-1&role=%3Cscript%3E&sort=drop&country=999999&q=" + "x".repeat(500));
    expect(response?.status()).toBe(200);
    const notice = page.getByRole("status").filter({ hasText: "not a page number" });
    await expect(notice).toContainText("is not a role");
    await expect(notice).toContainText("is not a sort order");
    await expect(notice).toContainText("showing every country");
    await expect(notice).toContainText("shortened");
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the filter form and the pages still work", async ({ page }) => {
      await page.goto("/people");
      await page.getByRole("searchbox", { name: "Name" }).fill("Brando");
      await page.getByLabel("Country").selectOption({ label: "United States" });
      await page.getByText("Actors", { exact: true }).click();
      await page.getByRole("button", { name: "Search" }).click();
      await expect(page).toHaveURL(/\/people\?q=Brando&country=\d+&role=actors&sort=name$/);
      await expect(cards(page)).toHaveCount(1);
      await expect(card(page, "Marlon Brando")).toContainText("Actor · United States");
      await expect(page.getByRole("searchbox", { name: "Name" })).toHaveValue("Brando");

      await page.goto("/people");
      await page.getByRole("navigation", { name: "People pages" }).getByRole("link", { name: "Next" }).click();
      await expect(page).toHaveURL(/\/people\?page=2$/);
      await expect(cards(page)).toHaveCount(24);
    });
  });

  test("has no serious accessibility violations", async ({ page }) => {
    await page.goto("/people?q=a&role=actors");
    const { violations } = await new AxeBuilder({ page }).include("main").analyze();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  });
});

test.describe("person page", () => {
  test("a living person's birth date shows their age today", async ({ page }) => {
    const id = await personId("Al", "Pacino");
    await page.goto(`/people/${id}`);
    await expect(page.getByText(`April 25, 1940 (age ${ageToday("1940-04-25")})`)).toBeVisible();
  });

  test("Marlon Brando: birth date with age, biography, Acting with his characters, order by year", async ({ page }) => {
    const id = await personId("Marlon", "Brando");
    await page.goto(`/people/${id}-marlon-brando`);
    await expect(page).toHaveTitle(/^Marlon Brando · Marquee$/);
    await expect(page.getByRole("heading", { level: 1, name: "Marlon Brando" })).toBeVisible();
    // Born April 3, 1924, died July 1, 2004: his age is the age he reached, not the years since his birth.
    await expect(page.getByText("April 3, 1924", { exact: true })).toBeVisible();
    await expect(page.getByText("July 1, 2004 (aged 80)")).toBeVisible();
    await expect(page.getByText(/\(age \d+\)/)).toHaveCount(0);
    await expect(page.getByText(/^Omaha-born actor whose Method-trained performances/)).toBeVisible();
    await expect(page.getByRole("img", { name: "Photo of Marlon Brando" })).toBeVisible();

    const acting = page.getByRole("region", { name: /^Acting/ });
    await expect(acting.getByRole("heading")).toHaveText("Acting·2 films");
    const godfather = acting.getByTestId("filmography-row").filter({ has: page.getByRole("link", { name: "The Godfather", exact: true }) });
    await expect(godfather).toContainText("1972");
    await expect(godfather.getByRole("link", { name: "Vito Corleone" })).toHaveAttribute("href", /^\/characters\/\d+-vito-corleone$/);
    await expect(godfather.getByRole("link", { name: "The Godfather" })).toHaveAttribute("href", /^\/movies\/\d+-the-godfather$/);
    await expect(page.getByRole("region", { name: /^Directing/ })).toHaveCount(0);

    const rows = acting.getByTestId("filmography-row");
    await expect(rows.first()).toContainText("Apocalypse Now");
    await expect(rows.last()).toContainText("The Godfather");
    await page.getByRole("link", { name: "Oldest first" }).click();
    await expect(page).toHaveURL(new RegExp(`/people/${id}-marlon-brando\\?sort=asc#filmography$`));
    await expect(rows.first()).toContainText("The Godfather");
    await expect(rows.last()).toContainText("Apocalypse Now");
    await expect(page.getByRole("link", { name: "Oldest first" })).toHaveAttribute("aria-current", "true");

    // Structured data and canonical URL.
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
    expect(jsonLd).toMatchObject({ "@type": "Person", name: "Marlon Brando", birthDate: "1924-04-03", birthPlace: { "@type": "Country", name: "United States" } });
    expect(jsonLd.url).toMatch(new RegExp(`^https?://[^/]+/people/${id}-marlon-brando$`));
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/people/${id}-marlon-brando$`));
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /^https?:\/\/.+\/files\//);
  });

  test("Francis Ford Coppola: a Directing section, and the photo gallery lightbox by keyboard", async ({ page }) => {
    const id = await personId("Francis Ford", "Coppola");
    const photos = await withTestDatabase((db) =>
      db.execute<{ n: number }>(sql`select count(*)::int as n from person_photos pp join file_ f on f.id = pp.file_id and f.is_public where pp.person_id = ${id}`),
    );
    const n = photos[0].n;
    expect(n).toBeGreaterThanOrEqual(3); // the demo seed gives him 4
    await page.goto(`/people/${id}-francis-ford-coppola`);

    const directing = page.getByRole("region", { name: /^Directing/ });
    await expect(directing.getByRole("heading")).toHaveText(/^Directing·3 films$/);
    await expect(directing.getByRole("link", { name: "The Godfather", exact: true })).toBeVisible();

    const first = page.getByRole("link", { name: `Francis Ford Coppola, photo 1 of ${n}` });
    await first.focus();
    await page.keyboard.press("Enter");
    const lightbox = page.getByRole("dialog", { name: "Photos of Francis Ford Coppola" });
    await expect(lightbox).toBeVisible();
    await expect(lightbox.getByRole("img", { name: `Francis Ford Coppola, photo 1 of ${n}` })).toBeInViewport();
    await expect(lightbox.getByText(`1 / ${n}`)).toBeVisible();

    await page.keyboard.press("ArrowRight");
    await expect(lightbox.getByText(`2 / ${n}`)).toBeVisible();
    await expect(lightbox.getByRole("img", { name: `Francis Ford Coppola, photo 2 of ${n}` })).toBeInViewport();

    await page.keyboard.press("Escape");
    await expect(lightbox).toBeHidden();
    await expect(first).toBeFocused();

    // With a mouse: a thumbnail, the next button, then a click on the backdrop beside the photo closes it.
    await page.getByRole("link", { name: `Francis Ford Coppola, photo 2 of ${n}` }).click();
    await expect(lightbox.getByText(`2 / ${n}`)).toBeVisible();
    await lightbox.getByRole("button", { name: "Next photo" }).click();
    await expect(lightbox.getByText(`3 / ${n}`)).toBeVisible();
    const third = lightbox.getByRole("img", { name: `Francis Ford Coppola, photo 3 of ${n}` });
    await expect(third).toBeInViewport();
    await expect.poll(() => third.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    // Wait until the slide has stopped moving (the carousel animates from photo 2 to 3).
    let box = (await third.boundingBox())!;
    await expect
      .poll(async () => {
        const now = (await third.boundingBox())!;
        const still = now.x === box.x && now.y === box.y && now.width === box.width;
        box = now;
        return still;
      })
      .toBe(true);
    expect(box.x).toBeGreaterThan(100);
    // The backdrop beside the photo, below the previous-photo button.
    const x = box.x / 2;
    const y = box.y + box.height * 0.85;
    expect(await page.evaluate(([px, py]) => document.elementFromPoint(px, py)?.closest("button, img") ?? null, [x, y])).toBeNull();
    // On a loaded CI machine a first click once left the lightbox open (it closes only when the press and release
    // both land on the slide); a person would click again, and so does the test. It never closing still fails.
    await expect(async () => {
      await page.mouse.click(x, y);
      await expect(lightbox).toBeHidden({ timeout: 1_000 });
    }).toPass({ timeout: 10_000 });
  });

  test("Known for is a ranked row of posters with the part played, apart from the dated filmography", async ({ page }) => {
    const id = await personId("Morgan", "Freeman");
    const knownFor = (titles: string[]) =>
      page.getByRole("list", { name: "Films Morgan Freeman is best known for" }).getByTestId("known-for-film").getByRole("heading").allTextContents().then((t) => expect(t).toEqual(titles));
    await page.goto(`/people/${id}-morgan-freeman`);
    // Leading roles first (newest first among them), then supporting ones, although The Dark Knight is his newest.
    await knownFor(["Se7en", "The Shawshank Redemption", "The Dark Knight", "Unforgiven"]);
    const row = page.getByRole("region", { name: "Known for" });
    await expect(row.getByTestId("known-for-film").filter({ hasText: "Unforgiven" })).toContainText("1992");
    await expect(row.getByTestId("known-for-film").filter({ hasText: "Unforgiven" })).toContainText("Ned Logan");
    await expect(row.getByRole("link", { name: "Se7en" })).toHaveAttribute("href", /^\/movies\/\d+-se7en$/);
    // A poster on each (decorative: the title under it names the film).
    await expect(row.locator("img")).toHaveCount(4);
    await expect(row.getByTestId("favorite-button")).toHaveCount(0);
    // The filmography below is the complete list, by date: a different order and look.
    const acting = page.getByRole("region", { name: /^Acting/ }).getByTestId("filmography-row");
    await expect(acting).toHaveCount(4);
    await expect(acting.first()).toContainText("The Dark Knight");

    // Films in users' favorites rank first.
    const users = [await createTestUser(), await createTestUser()];
    // One array parameter (Drizzle would spread a JS array into a list).
    const userIds = `{${users.map((u) => u.id).join(",")}}`;
    try {
      await withTestDatabase((db) =>
        db.execute(sql`insert into favorite_movies (user_id, movie_id) select u, m.id from unnest(${userIds}::int[]) u, movie m where m.title = 'Unforgiven'`),
      );
      await page.reload();
      await knownFor(["Unforgiven", "Se7en", "The Shawshank Redemption", "The Dark Knight"]);
    } finally {
      await withTestDatabase((db) => db.execute(sql`delete from user_ where id = any(${userIds}::int[])`));
    }
  });

  test("a director's Known for names the part: Director; the facts sit beside the biography on a wide screen", async ({ page }) => {
    const id = await personId("Francis Ford", "Coppola");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/people/${id}-francis-ford-coppola`);
    const films = page.getByRole("region", { name: "Known for" }).getByTestId("known-for-film");
    await expect(films).toHaveCount(3);
    for (const film of await films.all()) await expect(film).toContainText("Director");
    const facts = page.getByRole("region", { name: "Personal info" });
    await expect(facts).toBeVisible();
    await expect(facts).toContainText("Films directed3");
    const factsBox = (await facts.boundingBox())!;
    const bioBox = (await page.getByText(/^Detroit-born director/).boundingBox())!;
    expect(factsBox.x + factsBox.width).toBeLessThan(bioBox.x);
  });

  test("has no serious accessibility violations", async ({ page }) => {
    const id = await personId("Francis Ford", "Coppola");
    await page.goto(`/people/${id}-francis-ford-coppola`);
    const { violations } = await new AxeBuilder({ page }).include("main").analyze();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  });

  test("other spellings of the URL redirect permanently to the canonical one", async ({ page, request }) => {
    const id = await personId("Marlon", "Brando");
    for (const path of [`/people/${id}`, `/people/${id}-someone-else`, `/people/${id}-MARLON-BRANDO`]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(308);
      expect(new URL(response.headers().location, "http://x").pathname).toBe(`/people/${id}-marlon-brando`);
    }
    await page.goto(`/people/${id}`);
    await expect(page).toHaveURL(new RegExp(`/people/${id}-marlon-brando$`));
    // The query (the filmography's order, a shared link's parameters) survives the redirect.
    const withQuery = await request.get(`/people/${id}?order=oldest&x=%C3%A9`, { maxRedirects: 0 });
    expect(withQuery.status()).toBe(308);
    expect(withQuery.headers().location).toMatch(new RegExp(`/people/${id}-marlon-brando\\?order=oldest&x=%C3%A9$`));
  });

  test("an unknown or non-numeric id is a real 404 with a way back", async ({ page }) => {
    for (const path of ["/people/999999999", "/people/abc", "/people/0"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
  });
});
