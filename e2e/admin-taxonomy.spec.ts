/**
 * Editors curate genres (and countries, the same code): create, rename, a concurrent edit from a second browser,
 * a delete refused with what uses the genre, the merge that is the safe way out, and a delete. The admin is closed
 * to visitors (403) and to anonymous users (sign-in and back). The dashboard's queues link to the fixes.
 */
import { expect, test, type Page } from "@playwright/test";
import { sql } from "drizzle-orm";
import { withTestDatabase } from "./support/database";
import { signInRequest } from "./support/server-actions";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Clicks a submit button and waits until its server action has answered. */
async function submit(page: Page, button: ReturnType<Page["getByRole"]>) {
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), button.click()]);
}

const genreByName = (name: string) =>
  withTestDatabase(async (db) => (await db.execute<{ id: number; name: string }>(sql`select id, name from genres where name = ${name}`))[0] ?? null);

test("an editor creates, renames, meets a conflict, is refused a delete, merges and deletes a genre", async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  const id = unique();
  const created = `Noir ${id}`;
  const renamed = `Neo-noir ${id}`;
  const theirs = `Tech-noir ${id}`;
  const mine = `Future noir ${id}`;
  const target = `Crime thriller ${id}`;
  await signInRequest(page.request, "editor", "marquee-editor");
  // A film of the demo catalogue to tag, and the genre to merge into.
  const film = await withTestDatabase(async (db) => (await db.execute<{ id: number; title: string }>(sql`select id, title from movie where title = 'Parasite'`))[0]);
  await withTestDatabase((db) => db.execute(sql`insert into genres (name) values (${target})`));
  const targetId = (await genreByName(target))!.id;

  try {
    // Create.
    await page.goto("/admin/genres");
    await page.getByRole("link", { name: "New genre" }).click();
    await expect(page).toHaveURL(/\/admin\/genres\/new$/);
    await page.getByRole("textbox", { name: "Name" }).fill(created);
    await page.getByRole("button", { name: "Create genre" }).click();
    await expect(page).toHaveURL(/\/admin\/genres\/\d+\?created=1$/);
    await expect(page.getByTestId("admin-notice")).toHaveText("Genre created.");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(created);
    const genreUrl = page.url().replace(/\?.*$/, "");
    const genreId = Number(genreUrl.split("/").pop());

    // The same name in other letters is refused, with what was typed kept.
    await page.goto("/admin/genres/new");
    await page.getByRole("textbox", { name: "Name" }).fill(created.toUpperCase());
    await submit(page, page.getByRole("button", { name: "Create genre" }));
    await expect(page.getByText("Another genre already has this name (names are compared ignoring case).")).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Name" })).toHaveValue(created.toUpperCase());

    // Rename; the public genres page (which lists only genres with films) shows the new name on its next load.
    await withTestDatabase((db) => db.execute(sql`insert into movie_genres (movie_id, genre_id) values (${film.id}, ${genreId})`));
    await page.goto(genreUrl);
    await page.getByRole("textbox", { name: "Name" }).fill(renamed);
    await submit(page, page.getByRole("button", { name: "Save", exact: true }));
    await expect(page.getByTestId("form-message")).toHaveText(`Saved “${renamed}”.`);
    await page.goto("/genres");
    await expect(page.getByRole("link", { name: new RegExp(`^${renamed} 1 film$`) })).toBeVisible();

    // Two editors open the genre; the other one saves first.
    await page.goto(genreUrl);
    const other = await browser.newContext({ baseURL });
    const otherPage = await other.newPage();
    await signInRequest(otherPage.request, "admin", "marquee-admin");
    await otherPage.goto(genreUrl);
    await otherPage.getByRole("textbox", { name: "Name" }).fill(theirs);
    await submit(otherPage, otherPage.getByRole("button", { name: "Save", exact: true }));
    await expect(otherPage.getByTestId("form-message")).toHaveText(`Saved “${theirs}”.`);
    await other.close();

    await page.getByRole("textbox", { name: "Name" }).fill(mine);
    await submit(page, page.getByRole("button", { name: "Save", exact: true }));
    const notice = page.getByTestId("conflict-notice");
    await expect(notice).toContainText("changed by someone else since you opened it");
    await expect(notice.getByRole("row", { name: `Name ${theirs} ${mine}` })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Name" })).toHaveValue(mine);
    expect((await genreByName(theirs))?.id).toBe(genreId);
    // Saving again overwrites knowingly.
    await submit(page, page.getByRole("button", { name: "Save mine anyway" }));
    await expect(page.getByTestId("form-message")).toHaveText(`Saved “${mine}”.`);
    await expect(page.getByTestId("conflict-notice")).toHaveCount(0);
    expect((await genreByName(mine))?.id).toBe(genreId);

    // A film uses the genre: deleting is refused with a link to fix the film.
    await page.reload();
    await page.getByRole("button", { name: "Delete" }).click();
    const deleteDialog = page.getByRole("dialog", { name: `Delete the genre “${mine}”?` });
    await submit(page, deleteDialog.getByRole("button", { name: "Delete" }));
    await expect(deleteDialog.getByTestId("delete-references")).toContainText("It is still used by 1:");
    await expect(deleteDialog.getByRole("link", { name: `Film: ${film.title} (2019)` })).toHaveAttribute("href", `/admin/movies/${film.id}`);
    await expect(deleteDialog.getByTestId("form-message")).toContainText("Merge into another genre");
    await deleteDialog.getByRole("button", { name: "Cancel" }).click();
    expect((await genreByName(mine))?.id).toBe(genreId);

    // The safe choice: merge into another genre, after seeing what will move.
    await page.getByRole("button", { name: "Merge into another genre…" }).click();
    const mergeDialog = page.getByRole("dialog", { name: `Merge “${mine}” into another genre` });
    await mergeDialog.getByLabel("Merge into").selectOption({ label: target });
    await submit(page, mergeDialog.getByRole("button", { name: "Review the merge" }));
    await expect(mergeDialog.getByTestId("merge-consequences")).toContainText(`1 film tagged “${mine}” will be tagged “${target}” instead.`);
    await expect(mergeDialog.getByTestId("merge-consequences")).toContainText(`The genre “${mine}” will be deleted.`);
    await expect(mergeDialog.getByLabel("Merge into")).toHaveValue(String(targetId));
    await mergeDialog.getByRole("button", { name: `Merge and delete “${mine}”` }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/genres/${targetId}\\?merged=`));
    await expect(page.getByTestId("admin-notice")).toHaveText(`Merged “${mine}” into this genre.`);
    await expect(page.getByTestId("usage-list").getByRole("link", { name: `Film: ${film.title} (2019)` })).toBeVisible();
    expect(await genreByName(mine)).toBeNull();
    const filmGenres = await withTestDatabase(async (db) => (await db.execute<{ genre_id: number }>(sql`select genre_id from movie_genres where movie_id = ${film.id}`)).map((r) => r.genre_id));
    expect(filmGenres).toContain(targetId);
    expect(filmGenres).not.toContain(genreId);

    // Once no film uses it, the genre can be deleted.
    await withTestDatabase((db) => db.execute(sql`delete from movie_genres where genre_id = ${targetId}`));
    await page.reload();
    await page.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog", { name: `Delete the genre “${target}”?` }).getByRole("button", { name: "Delete" }).click();
    await expect(page).toHaveURL(/\/admin\/genres\?deleted=/);
    await expect(page.getByTestId("admin-notice")).toHaveText(`Deleted the genre “${target}”.`);
    expect(await genreByName(target)).toBeNull();
  } finally {
    await withTestDatabase(async (db) => {
      await db.execute(sql`delete from movie_genres where genre_id in (select id from genres where name like ${`%${id}`})`);
      await db.execute(sql`delete from genres where name like ${`%${id}`}`);
    });
  }
});

test("the genres list searches and sorts, and its counts match the catalogue", async ({ page }) => {
  await signInRequest(page.request, "editor", "marquee-editor");
  await page.goto("/admin/genres?q=CRIM");
  const rows = page.getByTestId("genre-row");
  const crime = await withTestDatabase(async (db) => (await db.execute<{ id: number; films: number }>(sql`select g.id, (select count(*)::int from movie_genres where genre_id = g.id) as films from genres g where name = 'Crime'`))[0]);
  const crimeRow = rows.filter({ has: page.getByRole("link", { name: "Crime", exact: true }) });
  await expect(crimeRow.getByRole("link", { name: "Crime", exact: true })).toHaveAttribute("href", `/admin/genres/${crime.id}`);
  await expect(crimeRow.getByRole("cell").nth(1)).toHaveText(String(crime.films));
  // Only names containing the search (other journeys may add genres of their own meanwhile).
  for (const name of await rows.locator("td:first-child").allTextContents()) expect(name.toLowerCase()).toContain("crim");
  await expect(rows.filter({ hasText: "Drama" })).toHaveCount(0);
  // Most films first: Drama leads the demo catalogue.
  await page.goto("/admin/genres");
  await page.getByLabel("Sort").selectOption("films-desc");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/sort=films-desc/);
  const counts = (await page.getByTestId("genre-row").locator("td:nth-child(2)").allTextContents()).map((t) => Number(t.replace(/,/g, "")));
  expect(counts.length).toBeGreaterThan(5);
  expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  // Countries show people too.
  await page.goto("/admin/countries?q=japan");
  await expect(page.getByTestId("country-row").first().getByRole("link", { name: /people on the public site$/ })).toHaveAttribute("href", /^\/people\?country=\d+$/);
});

test("a genre with no film stays in the admin but is not offered on /genres until a film has it", async ({ page }) => {
  const name = `Empty genre ${unique()}`;
  await withTestDatabase((db) => db.execute(sql`insert into genres (name) values (${name})`));
  const genre = (await genreByName(name))!;
  try {
    // Linking to it would open an empty catalogue.
    await page.goto("/genres");
    await expect(page.getByRole("link", { name: /^Drama/ })).toBeVisible();
    await expect(page.getByRole("link", { name: new RegExp(`^${name}`) })).toHaveCount(0);
    await signInRequest(page.request, "editor", "marquee-editor");
    await page.goto(`/admin/genres?q=${encodeURIComponent(name)}`);
    const row = page.getByTestId("genre-row").filter({ has: page.getByRole("link", { name, exact: true }) });
    await expect(row.getByRole("cell").nth(1)).toHaveText("0");
    // Once a film has it, it is listed with its count.
    await withTestDatabase((db) => db.execute(sql`insert into movie_genres (movie_id, genre_id) select id, ${genre.id} from movie where title = 'Parasite'`));
    await page.goto("/genres");
    await expect(page.getByRole("link", { name: new RegExp(`^${name}`) })).toContainText("1 film");
  } finally {
    await withTestDatabase(async (db) => {
      await db.execute(sql`delete from movie_genres where genre_id = ${genre.id}`);
      await db.execute(sql`delete from genres where id = ${genre.id}`);
    });
  }
});

test("a signed-in visitor gets the 403 page; anonymous visitors go to sign-in and come back", async ({ page, browser, baseURL }) => {
  await page.goto("/admin/genres");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fgenres$/);
  await page.getByLabel("Username or email").fill("editor");
  await page.getByLabel("Password").fill("marquee-editor");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/genres$/);
  await expect(page.getByRole("heading", { level: 1, name: "Genres" })).toBeVisible();

  const visitor = await browser.newContext({ baseURL });
  const visitorPage = await visitor.newPage();
  await signInRequest(visitorPage.request, "visitor", "marquee-visitor");
  for (const path of ["/admin", "/admin/genres", "/admin/countries/new", "/admin/quality/people-without-photo"]) {
    const response = await visitorPage.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(visitorPage.getByRole("heading", { name: "This area is for editors" })).toBeVisible();
  }
  await visitor.close();
});

test("unknown ids and kinds are 404s; a page past the end shows the last page", async ({ page }) => {
  await signInRequest(page.request, "editor", "marquee-editor");
  for (const path of ["/admin/genres/99999999", "/admin/genres/abc", "/admin/countries/-1", "/admin/quality/everything"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
  expect((await page.goto("/admin/genres?page=999&sort=<script>"))?.status()).toBe(200);
  await expect(page.getByTestId("genre-row").first()).toBeVisible();
});

test("the dashboard shows counts and the data-quality queues, each linking to its fix", async ({ page }) => {
  const id = unique();
  const [lonely, first, second] = await withTestDatabase(async (db) => {
    const rows = await db.execute<{ id: number }>(sql`
      insert into person (first_name, last_name) values
        ('Lonely', ${`Unphotographed ${id}`}), ('Zebulon', ${`Quackenbush ${id}`}), ('Zebulon', ${`Quakenbush ${id}`})
      returning id`);
    return rows.map((r) => r.id);
  });
  try {
    await signInRequest(page.request, "editor", "marquee-editor");
    await page.goto("/admin");
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    // Small tables are counted exactly (other journeys may add films meanwhile, hence no exact number here).
    await expect(page.getByTestId("count-movies")).toHaveText(/^Films\d{3}[\d,]*$/);
    await expect(page.getByTestId("count-movies")).toHaveAttribute("href", "/admin/movies");
    await expect(page.getByTestId("count-genres")).toHaveAttribute("href", "/admin/genres");

    // Every queue is there with its count.
    for (const kind of ["movies-without-poster", "movies-without-genres", "people-without-photo", "people-without-birth-date", "characters-without-actor", "duplicate-people"]) {
      await expect(page.getByTestId(`queue-${kind}`).getByTestId("queue-count")).toHaveText(/^\d[\d,]* to fix$/);
    }
    // The person just added has neither photo nor birth date: the queue leads to them, and they to their fix.
    const photos = page.getByTestId("queue-people-without-photo");
    await expect(photos.getByTestId("queue-count")).not.toHaveText(/^0 /);
    await photos.getByRole("link", { name: /^See all/ }).click();
    await expect(page).toHaveURL(/\/admin\/quality\/people-without-photo$/);
    await expect(page.getByRole("link", { name: `Lonely Unphotographed ${id}` })).toHaveAttribute("href", `/admin/people/${lonely}`);

    // The two look-alikes are paired, each linking to its own page.
    await page.goto("/admin/quality/duplicate-people");
    const pair = page.getByTestId("quality-row").filter({ hasText: `Quackenbush ${id}` });
    await expect(pair.getByRole("link", { name: `Zebulon Quackenbush ${id}` })).toHaveAttribute("href", `/admin/people/${first}`);
    await expect(pair.getByRole("link", { name: `Zebulon Quakenbush ${id}` })).toHaveAttribute("href", `/admin/people/${second}`);
    await page.goto("/admin");
    await expect(page.getByTestId("queue-duplicate-people").getByTestId("queue-count")).not.toHaveText(/^0 /);

    // Recently edited: the newest person is listed first among people.
    await expect(page.getByRole("region", { name: "Recently edited" }).getByRole("link", { name: /Unphotographed|Quackenbush|Quakenbush/ }).first()).toBeVisible();
  } finally {
    await withTestDatabase((db) => db.execute(sql`delete from person where id in (${lonely}, ${first}, ${second})`));
  }
});
