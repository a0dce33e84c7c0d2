/**
 * People and characters in the admin: an editor creates a person with a main photo, fills the gallery (two photos
 * at once), makes one the main photo, removes one and sees it on the public page; a delete refused because the
 * person directs films lists them; a character gets a second actor and its public page shows both.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { character_, character_actors, file_, movie, person } from "@/db/schema";
import { withTestDatabase } from "./support/database";
import { signInRequest } from "./support/server-actions";
import { createTestUser } from "./support/users";

/** Letters only: names go through the pickers' search. */
const stamp = () => {
  const n = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  return [...n].map((d) => "abcdefghij"[Number(d)]).join("");
};

const png = (colour: string, name: string) =>
  sharp({ create: { width: 64, height: 80, channels: 3, background: colour } })
    .png()
    .toBuffer()
    .then((buffer) => ({ name, mimeType: "image/png", buffer }));

async function editorPage(browser: Browser): Promise<Page> {
  const editor = await createTestUser("editor");
  const page = await (await browser.newContext()).newPage();
  await signInRequest(page.request, editor.username, editor.password);
  return page;
}

/** Clicks a submit button and waits until its server action has answered and the form is usable again. */
async function submit(page: Page, name: string) {
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined), page.getByRole("button", { name, exact: true }).click()]);
}

const uploaded = (page: Page, field: string) => page.locator(`[data-upload="${field}"] li[data-status="done"]`);

test("an editor creates a person with a main photo, fills the gallery, picks another main photo, removes one and sees it public", async ({ browser }) => {
  // Two editors, uploads, a gallery, a conflict and the public page: longer than 30 s when workers share two cores.
  test.slow();
  const id = stamp();
  const name = `Greta ${id}`;
  const page = await editorPage(browser);

  await page.goto("/admin/people/new");
  await page.getByLabel("First name").fill("Greta");
  await page.getByLabel("Last name").fill(id);
  await page.getByLabel("Date of birth").fill("1905-09-18");
  await page.getByRole("combobox", { name: "Country" }).fill("Swed");
  await page.getByRole("option", { name: "Sweden" }).click();
  await page.locator("#upload-main_photo_id").setInputFiles(await png("#a33", `portrait-${id}.png`));
  await expect(uploaded(page, "main_photo_id")).toHaveCount(1);
  await page.getByRole("button", { name: "Create person" }).click();
  await expect(page).toHaveURL(/\/admin\/people\/\d+\?created=1$/);
  await expect(page.getByTestId("created-message")).toContainText(`${name} was created`);
  const personId = Number(/\/admin\/people\/(\d+)/.exec(page.url())![1]);

  // Two photos at once, each with its own upload, then added together.
  await page.locator("#upload-file_ids").setInputFiles([await png("#3a6", `first-${id}.png`), await png("#36a", `second-${id}.png`)]);
  await expect(uploaded(page, "file_ids")).toHaveCount(2);
  await submit(page, "Add to gallery");
  await expect(page.getByTestId("gallery-photo")).toHaveCount(2);
  await expect(page.getByText("2 photos added to the gallery.")).toBeVisible();
  await expect(uploaded(page, "file_ids")).toHaveCount(0);

  await submit(page, `Make main photo: second-${id}.png`);
  await expect(page.locator('[data-testid="gallery-photo"][data-main]')).toContainText(`second-${id}.png`);
  // The form's main photo follows, so saving the form keeps it.
  await expect(page.locator('[data-upload="main_photo_id"]')).toContainText(`second-${id}.png`);

  await page.getByRole("button", { name: `Remove first-${id}.png from the gallery` }).click();
  await submit(page, "Remove photo");
  await expect(page.getByTestId("gallery-photo")).toHaveCount(1);
  await expect(page.getByTestId("gallery-photo")).toContainText(`second-${id}.png`);

  // The form saved after the gallery changes meets no conflict: it carries the version the gallery left.
  await page.getByRole("textbox", { name: "Biography" }).fill(`A Swedish actress, ${id}.`);
  await submit(page, "Save changes");
  await expect(page.getByTestId("form-message").first()).toHaveText("Saved. The public page shows the change.");
  await expect(page.getByTestId("conflict-notice")).toHaveCount(0);

  // Another editor changes the date of birth meanwhile; this form changes the biography only: the notice lists
  // their date (as the pages write dates), not the biography nor anything saved here before.
  const other = await editorPage(browser);
  await other.goto(`/admin/people/${personId}`);
  await other.getByLabel("Date of birth").fill("1905-09-19");
  await submit(other, "Save changes");
  await expect(other.getByTestId("form-message").first()).toHaveText("Saved. The public page shows the change.");
  await other.context().close();
  await page.getByRole("textbox", { name: "Biography" }).fill(`A Swedish film actress, ${id}.`);
  await submit(page, "Save changes");
  const notice = page.getByTestId("conflict-notice");
  await expect(notice.getByRole("row", { name: /^Date of birth/ })).toHaveText(/September 19, 1905\s*September 18, 1905/, { useInnerText: true });
  await expect(notice.getByRole("row")).toHaveCount(2);
  await submit(page, "Save changes");
  await expect(page.getByTestId("form-message").first()).toHaveText("Saved. The public page shows the change.");

  const files = await withTestDatabase(async (db) => {
    const [row] = await db.select({ main: person.main_photo_id }).from(person).where(eq(person.id, personId));
    const rows = await db.select({ id: file_.id, name: file_.file_name, url: file_.file_url }).from(file_).where(sql`${file_.file_name} like ${`%-${id}.png`}`);
    return { main: row.main, rows };
  });
  const second = files.rows.find((f) => f.name === `second-${id}.png`)!;
  expect(files.main).toBe(second.id);
  // The removed photo was used nowhere else: its file is gone; the replaced portrait stays in Files.
  expect(files.rows.map((f) => f.name).sort()).toEqual([`portrait-${id}.png`, `second-${id}.png`]);

  await page.goto(`/people/${personId}`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText(`A Swedish film actress, ${id}.`)).toBeVisible();
  await expect(page.getByRole("img", { name: `Photo of ${name}` })).toHaveAttribute("src", new RegExp(encodeURIComponent(second.url)));
  await expect(page.getByTestId("gallery-thumbnail")).toHaveCount(1);
  await expect(page.getByText("September 18, 1905")).toBeVisible();
});

test("deleting a person who directs films is refused with the films; one without credits goes after confirming the photos", async ({ browser }) => {
  // Two editors' browsers and four saves: ~20 s alone, and it ran out of 30 s once on a loaded machine.
  test.setTimeout(60_000);
  const id = stamp();
  const arranged = await withTestDatabase(async (db) => {
    const [director] = await db.insert(person).values({ first_name: "Busy", last_name: id }).returning({ id: person.id });
    const films = await db
      .insert(movie)
      .values([
        { title: `First Film ${id}`, release_date: "1990-01-01", director_id: director.id },
        { title: `Second Film ${id}`, release_date: "1995-01-01", director_id: director.id },
      ])
      .returning({ id: movie.id });
    const [idle] = await db.insert(person).values({ first_name: "Idle", last_name: id }).returning({ id: person.id });
    return { director: director.id, films: films.map((f) => f.id), idle: idle.id };
  });
  const page = await editorPage(browser);

  await page.goto(`/admin/people/${arranged.director}`);
  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: `Delete Busy ${id}?` });
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), dialog.getByRole("button", { name: "Delete" }).click()]);
  const references = dialog.getByTestId("delete-references");
  await expect(references).toContainText("It is still used by 2");
  await expect(references.getByRole("link", { name: `Second Film ${id} (1995): director` })).toHaveAttribute("href", `/admin/movies/${arranged.films[1]}`);
  await expect(references.getByRole("link", { name: `First Film ${id} (1990): director` })).toHaveAttribute("href", `/admin/movies/${arranged.films[0]}`);
  await expect(dialog.getByRole("button", { name: "Delete" })).toHaveCount(0);
  expect(await withTestDatabase(async (db) => (await db.select().from(person).where(eq(person.id, arranged.director))).length)).toBe(1);

  // Someone with a gallery photo: asked first, then deleted with it.
  await page.goto(`/admin/people/${arranged.idle}`);
  await page.locator("#upload-file_ids").setInputFiles(await png("#999", `idle-${id}.png`));
  await expect(uploaded(page, "file_ids")).toHaveCount(1);
  await submit(page, "Add to gallery");
  await expect(page.getByTestId("gallery-photo")).toHaveCount(1);
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const second = page.getByRole("dialog", { name: `Delete Idle ${id}?` });
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), second.getByRole("button", { name: "Delete" }).click()]);
  await expect(second.getByTestId("delete-consequences")).toContainText("1 gallery photo");
  await second.getByRole("button", { name: "Delete all of it" }).click();
  await expect(page).toHaveURL(/\/admin\/people\?deleted=/);
  await expect(page.getByTestId("form-message")).toHaveText(`Deleted “Idle ${id}”.`);
  const left = await withTestDatabase(async (db) => ({
    people: (await db.select().from(person).where(eq(person.id, arranged.idle))).length,
    files: (await db.select().from(file_).where(eq(file_.file_name, `idle-${id}.png`))).length,
  }));
  expect(left).toEqual({ people: 0, files: 0 });
});

test("an editor adds a second actor to a character and its public page shows both", async ({ browser }) => {
  const id = stamp();
  const arranged = await withTestDatabase(async (db) => {
    const [film] = await db.insert(movie).values({ title: `Twin Story ${id}`, release_date: "2001-05-05" }).returning({ id: movie.id });
    const [young, old] = await db
      .insert(person)
      .values([
        { first_name: "Young", last_name: id },
        { first_name: "Elder", last_name: id },
      ])
      .returning({ id: person.id });
    const [character] = await db.insert(character_).values({ name: `Anna ${id}`, role: "lead", movie_id: film.id }).returning({ id: character_.id });
    await db.insert(character_actors).values({ character_id: character.id, person_id: young.id });
    return { film: film.id, character: character.id, young: young.id, old: old.id };
  });
  const page = await editorPage(browser);

  await page.goto(`/admin/characters?q=${encodeURIComponent(`Anna ${id}`)}`);
  await page.getByRole("link", { name: `Anna ${id}`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/characters/${arranged.character}$`));
  await expect(page.getByRole("list", { name: "Chosen people for Actors" })).toContainText(`Young ${id}`);

  await page.getByRole("textbox", { name: "Description" }).fill("Played at two ages.");
  await page.getByRole("combobox", { name: "Actors" }).fill(`Elder ${id}`);
  await page.getByRole("option", { name: `Elder ${id}`, exact: true }).click();
  await expect(page.getByRole("list", { name: "Chosen people for Actors" })).toContainText(`Elder ${id}`);
  await submit(page, "Save changes");
  await expect(page.getByTestId("form-message").first()).toHaveText("Saved. The public page shows the change.");

  await page.goto(`/characters/${arranged.character}`);
  await expect(page.getByRole("heading", { level: 1, name: `Anna ${id}` })).toBeVisible();
  await expect(page.getByText("Played at two ages.")).toBeVisible();
  const cast = page.getByRole("region", { name: "Played by" });
  await expect(cast.getByTestId("person-card")).toHaveCount(2);
  await expect(cast.getByRole("link", { name: `Young ${id}` })).toBeVisible();
  await expect(cast.getByRole("link", { name: `Elder ${id}` })).toBeVisible();
});

test("unknown or garbage ids in the edit URLs are a 404, and bad list parameters fall back", async ({ browser }) => {
  const page = await editorPage(browser);
  for (const path of ["/admin/people/999999999", "/admin/people/abc", "/admin/people/1.5", "/admin/characters/0", "/admin/characters/99999999999", "/admin/characters/-3"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  const list = await page.goto("/admin/people?page=abc&sort=%3Cscript%3E&missing=everything&country=-1");
  expect(list?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
  await expect(page.getByTestId("person-row").first()).toBeVisible();
  const characters = await page.goto("/admin/characters?page=99999&actor=%00");
  expect(characters?.status()).toBe(200);
  await expect(page.getByTestId("character-row").first()).toBeVisible();
});
