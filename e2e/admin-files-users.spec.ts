/**
 * Files and users in the admin: where a file is used and why it cannot go; a private file's URL refused to
 * anonymous visitors; roles and disabling that take effect on the user's next request; user management for
 * admins only. Fresh users per test (never the demo accounts' roles).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { file_, movie, person, person_photos } from "@/db/schema";
import { LocalDiskStorage } from "@/lib/storage/local";
import { withTestDatabase } from "./support/database";
import { signInRequest } from "./support/server-actions";
import { createTestUser, readUser, type TestUser } from "./support/users";

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

function uploadsDir(): string {
  const dir = process.env.UPLOADS_DIR;
  if (!dir) throw new Error("UPLOADS_DIR is not set: run the end-to-end tests through `npm test`");
  return dir;
}

const png = (colour: string) => sharp({ create: { width: 32, height: 32, channels: 3, background: colour } }).png().toBuffer();

/** A file stored through the real local storage, recorded as public. */
async function storeFile(fileName: string) {
  const bytes = await png("#3a6");
  const stored = await new LocalDiskStorage(uploadsDir()).put({ fileName, mimeType: "image/png", bytes, isPublic: true });
  const [row] = await withTestDatabase((db) =>
    db.insert(file_).values({ file_name: fileName, mime_type: "image/png", file_key: stored.key, file_url: stored.url, is_public: true, size_bytes: bytes.length }).returning({ id: file_.id }),
  );
  return { id: row.id, key: stored.key, url: stored.url };
}

/** A browser page signed in as `user` (the context keeps the session cookie). */
async function signedInPage(browser: Browser, user: TestUser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInRequest(page.request, user.username, user.password);
  return page;
}

const fileRow = (page: Page, name: string) => page.getByTestId("file-row").filter({ has: page.getByTestId("file-name").getByText(name, { exact: true }) });
const userRow = (page: Page, username: string) => page.getByTestId("user-row").filter({ has: page.getByTestId("user-username").getByText(username, { exact: true }) });

test("an editor sees where a poster is used; making it private and deleting it are refused with its users", async ({ browser }) => {
  const id = stamp();
  const name = `poster-${id}.png`;
  const poster = await storeFile(name);
  const { movieId, personId } = await withTestDatabase(async (db) => {
    const [m] = await db.insert(movie).values({ title: `Files Journey ${id}`, release_date: "1999-05-01", poster_id: poster.id }).returning({ id: movie.id });
    const [p] = await db.insert(person).values({ first_name: "Gallery", last_name: `Keeper ${id}` }).returning({ id: person.id });
    await db.insert(person_photos).values({ person_id: p.id, file_id: poster.id });
    return { movieId: m.id, personId: p.id };
  });
  const editor = await signedInPage(browser, await createTestUser("editor"));

  await editor.goto(`/admin/files?q=${id}`);
  const row = fileRow(editor, name);
  await expect(row).toHaveCount(1);
  const uses = row.getByTestId("file-uses");
  await expect(uses.getByRole("link", { name: `Poster of Files Journey ${id} (1999)` })).toHaveAttribute("href", `/admin/movies/${movieId}`);
  await expect(uses.getByRole("link", { name: `Gallery of Gallery Keeper ${id}` })).toHaveAttribute("href", `/admin/people/${personId}`);

  // Public pages show it: it stays public, and says where.
  const visibility = row.getByRole("switch", { name: `Public: ${name}` });
  await expect(visibility).toHaveAttribute("aria-checked", "true");
  await visibility.click();
  await expect(row.getByTestId("visibility-refusal")).toContainText("Public pages show this file, so it stays public");
  await expect(row.getByTestId("visibility-refusal").getByRole("link", { name: `Poster of Files Journey ${id} (1999)` })).toBeVisible();
  await expect(visibility).toHaveAttribute("aria-checked", "true");

  // Deleting it is refused with the list of its users.
  await row.getByRole("button", { name: "Delete" }).click();
  const dialog = editor.getByRole("dialog", { name: `Delete the file “${name}”?` });
  await dialog.getByRole("button", { name: "Delete" }).click();
  const references = dialog.getByTestId("delete-references");
  await expect(references).toContainText("It is still used by 2");
  await expect(references.getByRole("link", { name: `Poster of Files Journey ${id} (1999)` })).toHaveAttribute("href", `/admin/movies/${movieId}`);
  await expect(references.getByRole("link", { name: `Gallery of Gallery Keeper ${id}` })).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Delete" })).toHaveCount(0);

  const [still] = await withTestDatabase((db) => db.select({ is_public: file_.is_public, poster: sql<number>`(select poster_id from movie where id = ${movieId})` }).from(file_).where(eq(file_.id, poster.id)));
  expect(still).toEqual({ is_public: true, poster: poster.id });
  await editor.context().close();
});

test("an editor uploads an image, makes it private (anonymous visitors get 401), then deletes it", async ({ browser, playwright, baseURL }) => {
  const id = stamp();
  const editor = await signedInPage(browser, await createTestUser("editor"));
  await editor.goto(`/admin/files?q=${id}`);
  await expect(editor.getByText("No files match these filters.")).toBeVisible();

  await editor.getByText("Upload images").click();
  await editor.getByLabel("Images to add to the library").setInputFiles({ name: `still-${id}.png`, mimeType: "image/png", buffer: await png("#c33") });
  const row = fileRow(editor, `still-${id}.png`);
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("file-uses")).toHaveText("Unused");
  await expect(row).toContainText("image/png");
  const [stored] = await withTestDatabase((db) => db.select({ key: file_.file_key, url: file_.file_url }).from(file_).where(eq(file_.file_name, `still-${id}.png`)));

  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get(stored.url)).status()).toBe(200);

  const visibility = row.getByRole("switch", { name: `Public: still-${id}.png` });
  await visibility.click();
  await expect(visibility).toHaveAttribute("aria-checked", "false");
  await expect(row).toContainText("Private");
  const refused = await anonymous.get(stored.url);
  expect(refused.status()).toBe(401);
  // The editor still sees it (the preview is served to them).
  expect((await editor.request.get(stored.url)).status()).toBe(200);

  await row.getByRole("button", { name: "Delete" }).click();
  const dialog = editor.getByRole("dialog", { name: `Delete the file “still-${id}.png”?` });
  await expect(dialog).toContainText("This cannot be undone.");
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(row).toHaveCount(0);
  expect((await anonymous.get(stored.url)).status()).toBe(404);
  expect(existsSync(path.join(uploadsDir(), stored.key.slice(0, 2), stored.key))).toBe(false);
  await anonymous.dispose();
  await editor.context().close();
});

test("an admin makes a fresh user an editor: their old session ends, and signed in again they can open the admin", async ({ browser }) => {
  const user = await createTestUser();
  const member = await signedInPage(browser, user);
  const refused = await member.goto("/admin");
  expect(refused?.status()).toBe(403);

  const admin = await signedInPage(browser, await createTestUser("admin"));
  await admin.goto(`/admin/users?q=${user.username}`);
  const row = userRow(admin, user.username);
  await row.getByLabel(`Role of ${user.username}`).selectOption("editor");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByTestId("user-row-message")).toHaveText(`${user.username} is now an editor; their sessions have ended.`);
  await expect(row.getByLabel(`Role of ${user.username}`)).toHaveValue("editor");
  expect((await readUser(user.id)).role).toBe("editor");

  // The session from before the change no longer works: sign in again, now as an editor.
  await member.goto("/admin");
  await expect(member).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin$/);
  await member.getByLabel("Username or email").fill(user.username);
  await member.getByLabel("Password").fill(user.password);
  await member.getByRole("button", { name: "Sign in" }).click();
  await expect(member).toHaveURL(/\/admin$/);
  await expect(member.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await member.context().close();
  await admin.context().close();
});

test("disabling a signed-in user signs them out on their next request, and they cannot sign in again", async ({ browser }) => {
  const user = await createTestUser();
  const member = await signedInPage(browser, user);
  await member.goto("/account");
  await expect(member.getByRole("heading", { name: "Your account" })).toBeVisible();

  const admin = await signedInPage(browser, await createTestUser("admin"));
  await admin.goto(`/admin/users?q=${user.username}`);
  const row = userRow(admin, user.username);
  await row.getByRole("button", { name: "Disable" }).click();
  const dialog = admin.getByRole("dialog", { name: `Disable ${user.username}?` });
  await dialog.getByRole("button", { name: `Disable ${user.username}` }).click();
  await expect(row).toContainText("Disabled");
  await expect(row.getByRole("button", { name: "Re-enable" })).toBeVisible();

  await member.goto("/account");
  await expect(member).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
  await member.getByLabel("Username or email").fill(user.username);
  await member.getByLabel("Password").fill(user.password);
  await member.getByRole("button", { name: "Sign in" }).click();
  await expect(member.getByTestId("form-message")).toContainText("don't match");

  // Re-enabled, they can sign in again.
  await row.getByRole("button", { name: "Re-enable" }).click();
  await expect(row).toContainText("Active");
  await member.getByLabel("Username or email").fill(user.username);
  await member.getByLabel("Password").fill(user.password);
  await member.getByRole("button", { name: "Sign in" }).click();
  await expect(member).toHaveURL(/\/account$/);
  await member.context().close();
  await admin.context().close();
});

test("an editor gets the 403 page at /admin/users, and no Users link", async ({ browser }) => {
  const editor = await signedInPage(browser, await createTestUser("editor"));
  const response = await editor.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(editor.getByRole("heading", { name: "User management is for administrators" })).toBeVisible();
  await expect(editor.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Users" })).toHaveCount(0);
  await expect(editor.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Files" })).toBeVisible();
  await editor.context().close();
});

test("an admin cannot lock themselves out: stepping down needs confirmation and another admin", async ({ browser }) => {
  const self = await createTestUser("admin");
  const admin = await signedInPage(browser, self);
  await admin.goto(`/admin/users?q=${self.username}`);
  const row = userRow(admin, self.username);
  await expect(row.getByRole("button", { name: "Disable" })).toHaveCount(0);
  await row.getByLabel(`Role of ${self.username}`).selectOption("editor");
  await row.getByRole("button", { name: "Save" }).click();
  // Other admins exist in the shared test database (the demo admin at least): it asks, naming them.
  await expect(row.getByTestId("role-confirmation")).toContainText("You will become an editor and can no longer manage users");
  expect((await readUser(self.id)).role).toBe("admin");
  await row.getByRole("button", { name: "Yes, change my role" }).click();
  await expect(row.getByTestId("user-row-message")).toContainText("You are now an editor");
  expect(await readUser(self.id)).toMatchObject({ role: "editor" });
  // Still signed in, as an editor now.
  await admin.goto("/admin/users");
  await expect(admin.getByRole("heading", { name: "User management is for administrators" })).toBeVisible();
  await admin.context().close();
});

test("an admin creates a user, edits their email (taken ones refused, what was typed kept) and deletes them with their favorites", async ({ browser }) => {
  const existing = await createTestUser();
  const admin = await signedInPage(browser, await createTestUser("admin"));
  const username = `new_${stamp()}`;
  await admin.goto("/admin/users");
  await admin.getByRole("link", { name: "New user" }).click();
  const form = admin.getByTestId("create-user-form");
  await form.getByLabel("Username").fill(existing.username.toUpperCase());
  await form.getByLabel("Email").fill(`${username}@example.com`);
  await form.getByLabel("First name").fill("Nora");
  await form.getByLabel("Last name").fill("Newcomer");
  await form.getByLabel("Role").selectOption("editor");
  await form.getByLabel("Password", { exact: true }).fill("password");
  await form.getByRole("button", { name: "Create user" }).click();
  // As on sign-up: the fields' rules first, then whether the username or email is taken.
  await expect(form.getByText("This password is too common")).toBeVisible();
  await expect(form.getByLabel("Email")).toHaveValue(`${username}@example.com`);
  await expect(form.getByLabel("Role")).toHaveValue("editor");
  await form.getByLabel("Password", { exact: true }).fill("a long first password");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByText("This username is taken.")).toBeVisible();

  await form.getByLabel("Username").fill(username);
  await form.getByLabel("Password", { exact: true }).fill("a long first password");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByTestId("form-message")).toHaveText(`Created “${username}”.`);
  const row = userRow(admin, username);
  await expect(row.getByLabel(`Role of ${username}`)).toHaveValue("editor");

  await row.getByRole("link", { name: `Edit ${username}` }).click();
  const edit = admin.getByTestId("edit-user-form");
  await edit.getByLabel("Email").fill(`${existing.username.toUpperCase()}@EXAMPLE.com`);
  await edit.getByLabel("First name").fill("Eleonora");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByText("An account with this email already exists.")).toBeVisible();
  await expect(edit.getByLabel("First name")).toHaveValue("Eleonora");
  await edit.getByLabel("Email").fill(`nora.${username}@example.com`);
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit.getByTestId("form-message")).toHaveText(`${username} is saved.`);
  const [created] = await withTestDatabase((db) => db.execute<{ id: number; email: string; first_name: string }>(sql`select id, email, first_name from user_ where username = ${username}`));
  expect(created).toMatchObject({ email: `nora.${username}@example.com`, first_name: "Eleonora" });

  const [film] = await withTestDatabase((db) => db.select({ id: movie.id }).from(movie).limit(1));
  await withTestDatabase((db) => db.execute(sql`insert into favorite_movies (user_id, movie_id) values (${created.id}, ${film.id})`));
  await admin.goto(`/admin/users?q=${username}`);
  await userRow(admin, username).getByRole("button", { name: `Delete ${username}` }).click();
  const dialog = admin.getByRole("dialog", { name: `Delete ${username}?` });
  await expect(dialog).toContainText("its favorites");
  await dialog.getByRole("button", { name: `Delete ${username}` }).click();
  await expect(admin.getByTestId("form-message")).toHaveText(`Deleted “${username}”.`);
  await expect(userRow(admin, username)).toHaveCount(0);
  const left = await withTestDatabase((db) => db.execute(sql`select 1 from favorite_movies where user_id = ${created.id} union all select 1 from user_ where id = ${created.id}`));
  expect(left).toHaveLength(0);
  await admin.context().close();
});

test("after a password reset the user is signed out, and signed in again must choose a new password before any member page", async ({ browser, playwright, baseURL }) => {
  const user = await createTestUser();
  const [film] = await withTestDatabase((db) => db.select({ id: movie.id }).from(movie).limit(1));
  await withTestDatabase((db) => db.execute(sql`insert into favorite_movies (user_id, movie_id) values (${user.id}, ${film.id})`));
  const member = await signedInPage(browser, user);
  await member.goto("/favorites");
  await expect(member).toHaveURL(/\/favorites$/);

  const admin = await signedInPage(browser, await createTestUser("admin"));
  await admin.goto(`/admin/users?q=${user.username}`);
  await userRow(admin, user.username).getByRole("link", { name: `Edit ${user.username}` }).click();
  const reset = admin.getByTestId("reset-password-form");
  await reset.getByLabel("Temporary password").fill("temporary words 42");
  await reset.getByRole("button", { name: "Reset password" }).click();
  await expect(reset.getByTestId("form-message")).toContainText(`${user.username} is signed out everywhere`);

  await member.goto("/favorites");
  await expect(member).toHaveURL(/\/sign-in\?callbackUrl=%2Ffavorites$/);
  await member.getByLabel("Username or email").fill(user.username);
  await member.getByLabel("Password").fill("temporary words 42");
  await member.getByRole("button", { name: "Sign in" }).click();
  await expect(member).toHaveURL(/\/account\/password\?callbackUrl=%2Ffavorites$/);
  await expect(member.getByRole("heading", { name: "Choose a new password" })).toBeVisible();

  // Member pages, the member filter and the viewer answer all wait; public pages work as for anyone.
  for (const path of ["/account", "/favorites", "/movies?mine=only"]) {
    await member.goto(path);
    await expect(member, path).toHaveURL(/\/account\/password\?callbackUrl=/);
  }
  expect((await member.request.get(`/api/viewer?movies=${film.id}`).then((r) => r.json())) as unknown).toMatchObject({ viewer: { mustChangePassword: true }, favorites: [] });
  expect((await member.request.get("/favorites/export.csv")).status()).toBe(401);
  const home = await member.goto("/");
  expect(home?.status()).toBe(200);
  await expect(member.getByRole("heading", { level: 1 }).first()).toBeVisible();

  await member.goto("/account/password?callbackUrl=%2Ffavorites");
  await member.getByLabel("Temporary password").fill("temporary words 42");
  await member.getByLabel("New password", { exact: true }).fill("my very own password");
  await member.getByLabel("Repeat the new password").fill("my very own password");
  await member.getByRole("button", { name: "Change password" }).click();
  await expect(member).toHaveURL(/\/favorites$/);
  expect((await readUser(user.id)).must_change_password).toBe(false);
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get("/")).status()).toBe(200);
  await anonymous.dispose();
  await member.context().close();
  await admin.context().close();
});

test("at 390 px the admin lists are cards: the users' role select and Delete and the files' Delete are on screen without sideways scrolling", async ({ browser }) => {
  const user = await createTestUser();
  const fileName = `phone-${stamp()}.png`;
  await storeFile(fileName);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const admin = await createTestUser("admin");
  await signInRequest(page.request, admin.username, admin.password);
  const noSideways = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  /** Scrolled to (down only: nothing may need sideways scrolling), the control lies wholly within the 390 px. */
  const onScreen = async (control: Locator) => {
    await control.scrollIntoViewIfNeeded();
    await expect(control).toBeInViewport({ ratio: 1 });
    const box = (await control.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  };

  await page.goto(`/admin/users?q=${user.username}`);
  const row = userRow(page, user.username);
  const select = row.getByLabel(`Role of ${user.username}`);
  for (const control of [select, row.getByRole("button", { name: "Save" }), row.getByRole("button", { name: `Delete ${user.username}` })]) await onScreen(control);
  expect(await noSideways()).toBe(true);
  await select.selectOption("editor");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("user-row-message")).toContainText("is now an editor", { timeout: 30_000 });
  await row.getByRole("button", { name: `Delete ${user.username}` }).click();
  await expect(page.getByRole("dialog", { name: `Delete ${user.username}?` })).toBeVisible();
  await page.keyboard.press("Escape");

  await page.goto(`/admin/files?q=${encodeURIComponent(fileName)}`);
  const fileDelete = fileRow(page, fileName).getByRole("button", { name: /^Delete/ });
  await onScreen(fileDelete);
  expect(await noSideways()).toBe(true);
  await context.close();
});
