import { expect, test, type Page } from "@playwright/test";
import { sql } from "drizzle-orm";
import { withTestDatabase } from "./support/database";

/** Clicks a submit button and waits until its server action has answered. */
async function submit(page: Page, name: string) {
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name }).click()]);
  // The form re-renders (and React resets it) when the action's transition ends: wait for that before typing again.
  await expect(page.getByRole("button", { name })).toBeEnabled();
}

/** A fresh account per test, created through the sign-up form. */
async function signUp(page: Page, callbackUrl = "/") {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  await page.goto(`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("First name").fill("Test");
  await page.getByLabel("Last name").fill("Viewer");
  await page.getByLabel("Username").fill(`viewer_${id}`);
  await page.getByLabel("Email").fill(`viewer_${id}@example.com`);
  await page.getByLabel("Password").fill("a quiet evening at the cinema");
  await page.getByRole("button", { name: "Create account" }).click();
  return { username: `viewer_${id}` };
}

test("sign up, favorite from the catalogue, see it in /favorites, sign out and the old cookie is refused", async ({ page, context }) => {
  const { username } = await signUp(page, "/movies");
  await expect(page).toHaveURL(/\/movies$/);
  await expect(page.getByTestId("user-menu")).toContainText(username);

  const card = page.getByTestId("movie-card").first();
  const title = (await card.getByRole("heading").textContent())!.trim();
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), card.getByTestId("favorite-button").click()]);
  await expect(card.getByTestId("favorite-button")).toHaveAttribute("aria-pressed", "true");

  await page.goto("/favorites");
  await expect(page.getByTestId("favorites-count")).toHaveText("1 film");
  await expect(page.getByRole("heading", { name: title, exact: true })).toBeVisible();

  const cookies = await context.cookies();
  await page.getByTestId("user-menu").getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  // Replaying the session cookie from before the sign-out: the server no longer accepts it.
  await context.addCookies(cookies);
  await page.goto("/favorites");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Ffavorites/);
});

test("a wrong password and an unknown user get the same answer; repeated failures are throttled", async ({ page }) => {
  const login = `nobody_${Date.now()}`;
  await page.goto("/sign-in");
  await page.getByLabel("Username or email").fill("visitor");
  await page.getByLabel("Password").fill("not the password");
  await submit(page, "Sign in");
  const wrong = await page.getByTestId("form-message").textContent();
  expect(wrong).toContain("don't match");
  await page.getByLabel("Username or email").fill(login);
  await page.getByLabel("Password").fill("not the password");
  await submit(page, "Sign in");
  await expect(page.getByTestId("form-message")).toHaveText(wrong!);

  for (let i = 0; i < 4; i++) {
    await page.getByLabel("Username or email").fill(login);
    await page.getByLabel("Password").fill(`wrong ${i}`);
    await submit(page, "Sign in");
  }
  await expect(page.getByTestId("form-message")).toContainText(/Try again in \d+ minutes?/);
  await withTestDatabase((db) => db.execute(sql`delete from auth_throttle where key = ${`account:${login}`}`));
});

test("a signed-out visitor who presses a heart signs in and comes back with the favorite applied", async ({ page }) => {
  await page.goto("/movies");
  const card = page.getByTestId("movie-card").nth(1);
  const title = (await card.getByRole("heading").textContent())!.trim();
  await card.getByTestId("favorite-button").click();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fmovies/);
  await page.getByRole("link", { name: "Create an account" }).click();
  await signUpFromHere(page);
  await expect(page).toHaveURL(/\/movies$/);
  const back = page.getByTestId("movie-card").filter({ has: page.getByRole("heading", { name: title, exact: true }) });
  await expect(back.getByTestId("favorite-button")).toHaveAttribute("aria-pressed", "true");
});

async function signUpFromHere(page: Page) {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  await page.getByLabel("First name").fill("Pending");
  await page.getByLabel("Last name").fill("Heart");
  await page.getByLabel("Username").fill(`heart_${id}`);
  await page.getByLabel("Email").fill(`heart_${id}@example.com`);
  await page.getByLabel("Password").fill("a quiet evening at the cinema");
  await page.getByRole("button", { name: "Create account" }).click();
}

test("the sign-up form keeps what was typed and explains each problem", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("First name").fill("Ada");
  await page.getByLabel("Username").fill("admin");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText(/too common/)).toBeVisible();
  await expect(page.getByLabel("First name")).toHaveValue("Ada");
  await expect(page.getByLabel("Username")).toHaveValue("admin");
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
});

test("favorites export as CSV and import back, with a report of what did not match", async ({ page }) => {
  await signUp(page, "/movies");
  await expect(page).toHaveURL(/\/movies$/);
  const card = page.getByTestId("movie-card").first();
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), card.getByTestId("favorite-button").click()]);
  const title = (await card.getByRole("heading").textContent())!.trim();

  await page.goto("/favorites");
  const download = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]).then(([d]) => d);
  const csv = (await (await download.createReadStream()).toArray()).join("");
  expect(csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("Title,Year");
  expect(csv).toContain(title);

  // Import a Letterboxd-style file into the same account: one known film (accents dropped), one unknown.
  await page.getByLabel("CSV file").setInputFiles({
    name: "letterboxd.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("Date,Name,Year\n2024-01-01,amelie,2001\n2024-01-02,A Film That Does Not Exist,1999\n"),
  });
  await submit(page, "Import");
  await expect(page.getByTestId("form-message")).toContainText("1 added");
  await expect(page.getByTestId("import-unmatched")).toContainText("A Film That Does Not Exist (1999)");
  await page.reload();
  await expect(page.getByTestId("favorites-count")).toHaveText("2 films");

  // A malformed file is refused whole.
  await page.getByLabel("CSV file").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from("Title,Year\nAlien,19x9\n") });
  await submit(page, "Import");
  await expect(page.getByTestId("form-message")).toHaveText('Row 2: "19x9" is not a year.');
  await page.reload();
  await expect(page.getByTestId("favorites-count")).toHaveText("2 films");
});

test("an uploaded avatar shows in the header; a file that is not an image is refused", async ({ page }) => {
  await signUp(page, "/account");
  await expect(page).toHaveURL(/\/account$/);
  await page.getByLabel("New avatar").setInputFiles({ name: "avatar.svg", mimeType: "image/png", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
  await submit(page, "Upload");
  await expect(page.getByTestId("form-message").first()).toContainText("not a JPEG, PNG, WebP, AVIF or GIF");

  const sharp = (await import("sharp")).default;
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#3a7" } }).png().toBuffer();
  await page.getByLabel("New avatar").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: png });
  await submit(page, "Upload");
  await expect(page.getByTestId("form-message").first()).toContainText("Your new avatar is saved.");
  await page.reload();
  const avatar = page.getByTestId("header-avatar");
  await expect(avatar).toBeVisible();
  await expect.poll(() => avatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(256);
});

test("changing the password confirms it on /account, keeps this browser signed in, and only the new one signs in", async ({ page, browser }) => {
  test.slow(); // a sign-up, the change, then two sign-ins in a second browser
  const { username } = await signUp(page, "/account");
  await expect(page).toHaveURL(/\/account$/);
  const password = page.getByRole("region", { name: "Password" });
  await password.getByLabel("Current password").fill("a quiet evening at the cinema");
  await password.getByLabel("New password", { exact: true }).fill("a late screening of noir");
  await password.getByLabel("Repeat the new password").fill("a late screening of noir");
  const answers: unknown[] = [];
  let changed = false;
  page.on("response", (r) => {
    if (changed && r.url().includes("/api/viewer")) void r.json().then((body) => answers.push(body));
  });
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST").then(() => (changed = true)),
    password.getByRole("button", { name: "Change password" }).click(),
  ]);

  await expect(password.getByTestId("form-message")).toHaveText("Your password is changed. Other devices have been signed out.");
  await expect(page).toHaveURL(/\/account$/);
  // The header asked again who is signed in (after the change), and it is still the member.
  await expect.poll(() => answers).toContainEqual(expect.objectContaining({ viewer: expect.objectContaining({ username }) }));
  await expect(page.getByTestId("user-menu")).toContainText(username);
  await expect(page.getByTestId("sign-in-link")).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  const other = await browser.newPage();
  for (const [given, works] of [["a quiet evening at the cinema", false], ["a late screening of noir", true]] as const) {
    await other.goto("/sign-in?callbackUrl=%2Faccount");
    await other.getByLabel("Username or email").fill(username);
    await other.getByLabel("Password").fill(given);
    await other.getByRole("button", { name: "Sign in" }).click();
    if (works) await expect(other.getByRole("heading", { name: "Your account" })).toBeVisible();
    else await expect(other.getByTestId("form-message")).toContainText("don't match");
  }
  await other.close();
});
