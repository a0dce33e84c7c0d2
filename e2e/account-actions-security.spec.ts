/**
 * The account and favorites server actions are public endpoints: called directly (no page, no proxy), as nobody,
 * as another user, or with extra fields, they change nothing that isn't the caller's.
 */
import { expect, test } from "@playwright/test";
import { count, eq } from "drizzle-orm";
import { favorite_movies, file_, movie } from "@/db/schema";
import { withTestDatabase } from "./support/database";
import { callAction, signInRequest } from "./support/server-actions";
import { createTestUser, readUser } from "./support/users";

const ACCOUNT = "app/(account)/account/actions.ts";
const FAVORITES = "app/(account)/favorites/actions.ts";

const favoritesOf = (userId: number) =>
  withTestDatabase(async (db) => (await db.select({ movie_id: favorite_movies.movie_id }).from(favorite_movies).where(eq(favorite_movies.user_id, userId))).map((r) => r.movie_id));
const someMovieId = () => withTestDatabase(async (db) => (await db.select({ id: movie.id }).from(movie).orderBy(movie.id).limit(1))[0].id);
const fileCount = () => withTestDatabase(async (db) => (await db.select({ n: count() }).from(file_))[0].n);

test("the favorite action called anonymously, or with someone else's user id, touches only the caller's favorites", async ({ playwright, baseURL }) => {
  const victim = await createTestUser();
  const caller = await createTestUser();
  const movieId = await someMovieId();

  const anonymous = await playwright.request.newContext({ baseURL });
  const refused = await callAction(anonymous, { file: FAVORITES, name: "toggleFavoriteAction" }, { movieId: String(movieId), intent: "add", $js: "1", user_id: String(victim.id) });
  expect(await refused.text()).toContain("Sign in to keep favorites.");
  expect(await favoritesOf(victim.id)).toEqual([]);

  const signedIn = await playwright.request.newContext({ baseURL });
  await signInRequest(signedIn, caller.username, caller.password);
  const tamperings: Record<string, string>[] = [{ user_id: String(victim.id) }, { userId: String(victim.id) }, { id: String(victim.id) }];
  for (const tampered of tamperings) {
    const response = await callAction(signedIn, { file: FAVORITES, name: "toggleFavoriteAction" }, { movieId: String(movieId), intent: "add", $js: "1", ...tampered });
    expect(response.status()).toBe(200);
  }
  expect(await favoritesOf(victim.id)).toEqual([]);
  expect(await favoritesOf(caller.id)).toEqual([movieId]);

  // Garbage ids are refused with a message, not an error page, and add nothing.
  for (const movieIdField of ["1 OR 1=1", "-5", "99999999999", "<script>"]) {
    const response = await callAction(signedIn, { file: FAVORITES, name: "toggleFavoriteAction" }, { movieId: movieIdField, intent: "add", $js: "1" });
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain("could not be found");
  }
  expect(await favoritesOf(caller.id)).toEqual([movieId]);
  await anonymous.dispose();
  await signedIn.dispose();
});

test("the favorites import refuses anonymous callers", async ({ playwright, baseURL }) => {
  // A film of this test's own, so that no other spec running in parallel touches its favorites.
  const title = `Import probe ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const [film] = await withTestDatabase((db) => db.insert(movie).values({ title, release_date: "1999-01-01" }).returning({ id: movie.id }));
  const favoritesOfFilm = () => withTestDatabase(async (db) => (await db.select({ n: count() }).from(favorite_movies).where(eq(favorite_movies.movie_id, film.id)))[0].n);
  const anonymous = await playwright.request.newContext({ baseURL });
  const response = await callAction(
    anonymous,
    { file: FAVORITES, name: "importFavoritesAction" },
    { file: { name: "favorites.csv", mimeType: "text/csv", buffer: Buffer.from(`Title,Year\n${title},1999\n`) } },
    { previousState: {} },
  );
  expect(await response.text()).toContain("Sign in again");
  expect(await favoritesOfFilm()).toBe(0);
  await withTestDatabase((db) => db.delete(movie).where(eq(movie.id, film.id)));
  await anonymous.dispose();
});

test("profile, password, avatar and deletion actions change nothing for anonymous callers", async ({ playwright, baseURL }) => {
  const owner = await createTestUser();
  const before = await readUser(owner.id);
  const files = await fileCount();
  const anonymous = await playwright.request.newContext({ baseURL });
  const png = { name: "a.png", mimeType: "image/png", buffer: Buffer.from("89504e470d0a1a0a", "hex") };
  const calls: [string, Record<string, string | typeof png>][] = [
    ["updateProfileAction", { first_name: "Mallory", last_name: "Mallory", email: "mallory@example.com", id: String(owner.id) }],
    ["changePasswordAction", { current_password: owner.password, new_password: "another quiet evening", confirm_password: "another quiet evening" }],
    ["uploadAvatarAction", { avatar: png }],
    ["removeAvatarAction", {}],
    ["deleteAccountAction", { password: owner.password, confirm: "delete" }],
  ];
  for (const [name, fields] of calls) {
    const response = await callAction(anonymous, { file: ACCOUNT, name }, fields, { previousState: {} });
    expect(await response.text(), name).toContain("Sign in again");
  }
  expect(await readUser(owner.id)).toEqual(before);
  expect(await fileCount()).toBe(files);
  await anonymous.dispose();
});

test("a signed-in user's profile action ignores role, id and user_id fields and never touches another account", async ({ playwright, baseURL }) => {
  const victim = await createTestUser();
  const caller = await createTestUser();
  const victimBefore = await readUser(victim.id);
  const context = await playwright.request.newContext({ baseURL });
  await signInRequest(context, caller.username, caller.password);

  const response = await callAction(
    context,
    { file: ACCOUNT, name: "updateProfileAction" },
    { first_name: "Renamed", last_name: "Caller", email: `${caller.username}@example.org`, role: "admin", id: String(victim.id), user_id: String(victim.id), username: victim.username },
    { previousState: {} },
  );
  expect(await response.text()).toContain("Your profile is saved.");
  const after = await readUser(caller.id);
  expect(after.first_name).toBe("Renamed");
  expect(after.role).toBe("user");
  expect(after.username).toBe(caller.username);
  expect(await readUser(victim.id)).toEqual(victimBefore);

  // Deleting while naming the other user: the password is checked against the caller's own, so no one is deleted.
  const deletion = await callAction(context, { file: ACCOUNT, name: "deleteAccountAction" }, { password: victim.password, confirm: "delete", id: String(victim.id), user_id: String(victim.id) }, { previousState: {} });
  expect(deletion.status()).toBe(200);
  expect(await readUser(victim.id)).toEqual(victimBefore);
  expect(await readUser(caller.id)).toBeTruthy();
  await context.dispose();
});

test("an email already used by another account is refused and both accounts stay as they were", async ({ playwright, baseURL }) => {
  const victim = await createTestUser();
  const caller = await createTestUser();
  const [victimBefore, callerBefore] = [await readUser(victim.id), await readUser(caller.id)];
  const context = await playwright.request.newContext({ baseURL });
  await signInRequest(context, caller.username, caller.password);
  const response = await callAction(context, { file: ACCOUNT, name: "updateProfileAction" }, { first_name: "X", last_name: "Y", email: `${victim.username.toUpperCase()}@EXAMPLE.COM` }, { previousState: {} });
  expect(await response.text()).toContain("Another account uses this email.");
  expect(await readUser(victim.id)).toEqual(victimBefore);
  expect((await readUser(caller.id)).email).toBe(callerBefore.email);
  await context.dispose();
});
