/**
 * The editor's movie journey of issue 5: create a movie with poster, genres, director and two characters (one
 * actor created inline), see it on the public page, edit it, meet a conflict from a second browser, delete it.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import sharp from "sharp";
import { signInRequest } from "./support/server-actions";

test.describe.configure({ timeout: 120_000 });

async function signInAsEditor(page: Page) {
  // The page's request context shares the browser's cookies.
  await signInRequest(page.request, "editor", "marquee-editor");
}

/** Types into a picker and chooses the option whose name matches. */
async function pick(picker: Locator, page: Page, text: string, option: string | RegExp) {
  await picker.fill(text);
  await page.getByRole("option", { name: option }).first().click();
}

/** Clicks a submit button and waits until its server action has answered and the form is back. */
async function save(page: Page, name: string) {
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name }).click()]);
  await expect(page.getByRole("button", { name })).toBeEnabled();
}

async function posterPng(): Promise<Buffer> {
  return sharp({ create: { width: 60, height: 90, channels: 3, background: { r: 180, g: 40, b: 60 } } })
    .png()
    .toBuffer();
}

test("an editor creates, publishes, edits, meets a conflict and deletes a movie", async ({ page, browser, baseURL }) => {
  const stamp = Date.now().toString(36);
  const title = `Night Harbour ${stamp}`;
  const newcomer = `Ilse Newcomer${stamp}`;
  await signInAsEditor(page);

  // --- Create ----------------------------------------------------------------------------------------------
  await page.goto("/admin/movies");
  await page.getByRole("link", { name: "New movie" }).click();
  await expect(page.getByRole("heading", { name: "New movie" })).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Release date").fill("2019-06-14");
  await page.getByLabel("Runtime (minutes)").fill("118");
  await page.getByLabel("Budget (US dollars)").fill("2,500,000");
  await page.getByLabel("Description").fill("A harbour pilot guides one last ship home.");
  await pick(page.getByRole("combobox", { name: "Director" }), page, "fritz lan", /^Fritz Lang/);
  await pick(page.getByRole("combobox", { name: "Country" }), page, "Germ", "Germany");

  await page.getByLabel("Poster image").setInputFiles({ name: `harbour-${stamp}.png`, mimeType: "image/png", buffer: await posterPng() });
  await expect(page.getByRole("button", { name: `Remove harbour-${stamp}.png` })).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveCount(0);

  await page.getByRole("checkbox", { name: "Drama" }).check();
  await page.getByRole("checkbox", { name: "Thriller" }).check();

  const grid = page.getByTestId("cast-grid");
  await grid.getByRole("button", { name: "Add character" }).click();
  const first = grid.getByTestId("cast-row").nth(0);
  await expect(first.getByLabel("Name")).toBeFocused();
  await first.getByLabel("Name").fill("Captain Maren");
  await first.getByLabel("Role").selectOption("lead");
  await pick(first.getByRole("combobox", { name: "Played by" }), page, "Charlie Chap", /^Charlie Chaplin/);
  await first.getByLabel("Description").fill("The pilot.");

  await grid.getByRole("button", { name: "Add character" }).click();
  const second = grid.getByTestId("cast-row").nth(1);
  await second.getByLabel("Name").fill("The Stowaway");
  await second.getByLabel("Role").selectOption("supporting");
  const actors = second.getByRole("combobox", { name: "Played by" });
  await actors.fill(newcomer);
  await page.getByRole("option", { name: `Create person “${newcomer}”` }).click();
  await expect(second.getByRole("list", { name: /Chosen people/ })).toContainText(newcomer);
  await pick(actors, page, "Orson Well", /^Orson Welles/);

  await Promise.all([page.waitForURL(/\/admin\/movies\/\d+\?created=1$/), page.getByRole("button", { name: "Create movie" }).click()]);
  await expect(page.getByTestId("created-message")).toBeVisible();
  const movieId = Number(/\/admin\/movies\/(\d+)/.exec(page.url())![1]);

  // --- The public page shows it ------------------------------------------------------------------------------
  await page.getByRole("link", { name: "View public page" }).click();
  await expect(page).toHaveURL(new RegExp(`/movies/${movieId}-night-harbour-${stamp}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${title} (2019)`);
  await expect(page.getByRole("img", { name: `Poster of ${title}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "Fritz Lang" }).first()).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Drama");
  await expect(page.getByRole("main")).toContainText("Thriller");
  const cast = page.getByTestId("cast-entry");
  await expect(cast.filter({ hasText: "Captain Maren" })).toContainText("Charlie Chaplin");
  await expect(cast.filter({ hasText: "The Stowaway" })).toContainText(newcomer);
  await expect(cast.filter({ hasText: "The Stowaway" })).toContainText("Orson Welles");

  // --- Edit --------------------------------------------------------------------------------------------------
  await page.goto(`/admin/movies/${movieId}`);
  await page.getByLabel("Title", { exact: true }).fill(`${title} (restored)`);
  await page.getByRole("checkbox", { name: "Thriller" }).uncheck();
  // Reorder the cast: The Stowaway moves above Captain Maren in the grid, and stays there after saving.
  await grid.getByRole("button", { name: "Move character 2 up" }).click();
  await expect(grid.getByTestId("cast-row").nth(0).getByLabel("Name")).toHaveValue("The Stowaway");
  await save(page, "Save changes");
  await expect(page.getByTestId("form-message")).toContainText("Saved");
  await page.reload();
  await expect(grid.getByTestId("cast-row").nth(0).getByLabel("Name")).toHaveValue("The Stowaway");
  await expect(grid.getByTestId("cast-row").nth(1).getByLabel("Name")).toHaveValue("Captain Maren");
  await page.goto(`/movies/${movieId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${title} (restored) (2019)`);
  await expect(page.getByRole("main")).not.toContainText("Thriller");

  // --- A conflict: both open the form, the other editor saves first ---------------------------------------------
  await page.goto(`/admin/movies/${movieId}`);
  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await signInAsEditor(otherPage);
  await otherPage.goto(`/admin/movies/${movieId}`);
  await otherPage.getByLabel("Title", { exact: true }).fill(`${title} (their cut)`);
  await otherPage.getByLabel("Budget (US dollars)").fill("3750000");
  await otherPage.getByLabel("Release date").fill("2019-06-21");
  await save(otherPage, "Save changes");
  await expect(otherPage.getByTestId("form-message")).toContainText("Saved");
  await other.close();

  await page.getByLabel("Title", { exact: true }).fill(`${title} (my cut)`);
  await page.getByLabel("Runtime (minutes)").fill("121");
  await grid.getByRole("button", { name: "Add character" }).click();
  await grid.getByTestId("cast-row").nth(2).getByLabel("Name").fill("The Harbour Master");
  await save(page, "Save changes");
  const notice = page.getByTestId("conflict-notice");
  await expect(notice).toContainText("changed by someone else since you opened it");
  const titleRow = notice.getByRole("row", { name: /^Title/ });
  await expect(titleRow).toContainText(`${title} (their cut)`);
  await expect(titleRow).toContainText(`${title} (my cut)`);
  // Their values as the pages show them, beside what this form holds (it loaded $2,500,000 and June 14); the
  // "Theirs" and "Yours" labels are for phones only.
  await expect(notice.getByRole("row", { name: /^Budget/ })).toHaveText(/\$3,750,000\s*\$2,500,000/, { useInnerText: true });
  await expect(notice.getByRole("row", { name: /^Release date/ })).toHaveText(/June 21, 2019\s*June 14, 2019/, { useInnerText: true });
  // Only what they changed: the runtime and the cast were changed here alone, the rest by nobody.
  await expect(notice.getByRole("row")).toHaveCount(4);
  await expect(notice.getByRole("row", { name: /^Runtime/ })).toHaveCount(0);
  await expect(notice.getByRole("row", { name: /^Cast/ })).toHaveCount(0);
  // Nothing typed is lost: the fields, the picks and the new character are still in the form.
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(`${title} (my cut)`);
  await expect(page.getByLabel("Runtime (minutes)")).toHaveValue("121");
  await expect(grid.getByTestId("cast-row")).toHaveCount(3);
  await expect(grid.getByTestId("cast-row").nth(2).getByLabel("Name")).toHaveValue("The Harbour Master");
  await expect(grid.getByTestId("cast-row").nth(0).getByRole("list", { name: /Chosen people/ })).toContainText(newcomer);
  await expect(page.getByRole("list", { name: /Chosen person for Director/ })).toContainText("Fritz Lang");
  // Saving again overwrites knowingly.
  await save(page, "Save changes");
  await expect(page.getByTestId("form-message")).toContainText("Saved");
  await expect(page.getByTestId("conflict-notice")).toHaveCount(0);
  await page.goto(`/movies/${movieId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${title} (my cut) (2019)`);
  await expect(page.getByTestId("cast-entry").filter({ hasText: "The Harbour Master" })).toBeVisible();

  // --- Delete: asks again with what goes with it ----------------------------------------------------------------
  await page.goto(`/admin/movies/${movieId}`);
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(dialog.getByTestId("delete-consequences")).toContainText("3 characters and their 3 castings");
  await Promise.all([page.waitForURL(/\/admin\/movies\?deleted=/), dialog.getByRole("button", { name: "Delete all of it" }).click()]);
  await expect(page.getByTestId("form-message")).toContainText(`Deleted “${title} (my cut)”`);
  const gone = await page.goto(`/movies/${movieId}`);
  expect(gone?.status()).toBe(404);
});

test("the list finds a movie by title without accents, filters and links to its pages", async ({ page }) => {
  await signInAsEditor(page);
  await page.goto("/admin/movies?q=amelie");
  const row = page.getByTestId("movie-row").filter({ hasText: "Amélie" });
  await expect(row).toBeVisible();
  await expect(row.getByRole("link", { name: /View/ })).toHaveAttribute("href", /^\/movies\/\d+-amelie/);
  await Promise.all([page.waitForURL(/\/admin\/movies\/\d+$/), row.getByRole("link", { name: "Edit Amélie" }).click()]);
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Amélie");

  await page.goto("/admin/movies?missing=genres&missing=poster&q=zzzz-no-such-film");
  await expect(page.getByText("No movies match these filters.")).toBeVisible();
  const garbage = await page.goto("/admin/movies?page=abc&sort=%3Cscript%3E&year=x&genre=-1");
  expect(garbage?.status()).toBe(200);
  await expect(page.getByTestId("movie-row")).toHaveCount(50);
});

test("an unknown or garbage movie id is a 404 in the admin", async ({ page }) => {
  await signInAsEditor(page);
  for (const id of ["99999999", "abc", "12abc", "-1", "99999999999"]) {
    const response = await page.goto(`/admin/movies/${id}`);
    expect(response?.status(), id).toBe(404);
  }
});
