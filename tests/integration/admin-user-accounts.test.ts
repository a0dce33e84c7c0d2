/**
 * User management's accounts (db/queries/admin/user-accounts.ts): an admin creates users and edits their names and
 * email with the sign-up's case-insensitive uniqueness, resets a password (sessions end, a new one is required) and
 * deletes accounts (favorites and avatar go, the films stay; never oneself or the last active admin, even in a race).
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createUserAsAdmin, deleteUserAsAdmin, resetUserPassword, updateUserAccount } from "@/db/queries/admin/user-accounts";
import { changePassword, getViewerById, verifyCredentials } from "@/db/queries/users";
import { file_, movie, type UserRole } from "@/db/schema";
import { openTestDatabase } from "../support/database";
import { addUser as addTestUser } from "../support/users";

const { db, sql: client } = openTestDatabase();

const addUser = (username: string, role?: UserRole, extra?: Parameters<typeof addTestUser>[3]) => addTestUser(db, username, role, extra);

const readUser = async (id: number) =>
  (await db.execute<{ username: string; email: string; first_name: string; session_version: number; must_change_password: boolean }>(
    sql`select username, email, first_name, session_version, must_change_password from user_ where id = ${id}`,
  ))[0];
const fields = (username: string, email = `${username}@example.com`) => ({ username, email, first_name: "New", last_name: "Person" });

beforeEach(async () => {
  await db.execute(sql`truncate favorite_movies, movie, user_, file_ restart identity cascade`);
});
afterAll(() => client.end({ timeout: 5 }));

describe("creating and editing accounts", () => {
  it("creates a user with a role and a password that signs in", async () => {
    const outcome = await createUserAsAdmin({ ...fields("newbie"), role: "editor", password: "a long new password" });
    expect(outcome).toMatchObject({ status: "created" });
    const id = (outcome as { id: number }).id;
    expect(await getViewerById(id)).toMatchObject({ username: "newbie", role: "editor", must_change_password: false });
    expect(await verifyCredentials("NEWBIE@example.com", "a long new password")).toMatchObject({ id });
  });

  it("refuses a username or email taken in any case, naming which", async () => {
    await addUser("Ada");
    const password = "a long new password";
    expect(await createUserAsAdmin({ ...fields("ADA", "other@example.com"), role: "user", password })).toEqual({ status: "taken", fields: ["username"] });
    expect(await createUserAsAdmin({ ...fields("other", "ADA@Example.com"), role: "user", password })).toEqual({ status: "taken", fields: ["email"] });
    expect((await db.execute(sql`select id from user_`)).length).toBe(1);
  });

  it("edits names, username and email; another account's username or email (any case) is refused", async () => {
    await addUser("ada");
    const bob = await addUser("bob");
    expect(await updateUserAccount(bob, fields("Robert", "robert@example.com"))).toEqual({ status: "saved" });
    expect(await readUser(bob)).toMatchObject({ username: "Robert", email: "robert@example.com", first_name: "New", session_version: 0 });
    // Only the case of one's own username changes: not taken.
    expect(await updateUserAccount(bob, fields("ROBERT", "robert@example.com"))).toEqual({ status: "saved" });
    expect(await updateUserAccount(bob, fields("Ada", "robert@example.com"))).toEqual({ status: "taken", fields: ["username"] });
    expect(await updateUserAccount(bob, fields("ROBERT", "ADA@example.com"))).toEqual({ status: "taken", fields: ["email"] });
    expect(await readUser(bob)).toMatchObject({ username: "ROBERT", email: "robert@example.com" });
    expect(await updateUserAccount(9999, fields("ghost"))).toEqual({ status: "not-found" });
  });
});

describe("resetting a password", () => {
  it("sets a temporary password, ends the sessions and requires a change, which clears it", async () => {
    const admin = await addUser("ada", "admin");
    const bob = await addUser("bob");
    expect(await resetUserPassword(bob, "temporary password 1", admin)).toEqual({ status: "done", username: "bob" });
    expect(await readUser(bob)).toMatchObject({ session_version: 1, must_change_password: true });
    expect(await verifyCredentials("bob", "temporary password 1")).toMatchObject({ id: bob, session_version: 1 });
    await changePassword(bob, "my own new password");
    expect(await readUser(bob)).toMatchObject({ session_version: 2, must_change_password: false });
  });

  it("refuses one's own account and an unknown user", async () => {
    const admin = await addUser("ada", "admin");
    expect(await resetUserPassword(admin, "temporary password 1", admin)).toEqual({ status: "self" });
    expect(await readUser(admin)).toMatchObject({ session_version: 0, must_change_password: false });
    expect(await resetUserPassword(9999, "temporary password 1", admin)).toEqual({ status: "not-found" });
  });
});

describe("deleting an account", () => {
  it("takes the favorites and the avatar's file row with it, and leaves the films", async () => {
    const admin = await addUser("ada", "admin");
    const [avatar] = await db.insert(file_).values({ file_name: "a.webp", mime_type: "image/webp", file_key: "avatar-key", file_url: "/files/avatar-key" }).returning();
    const bob = await addUser("bob", "user", { avatar_id: avatar.id });
    const [film] = await db.insert(movie).values({ title: "Solaris", release_date: "1972-03-20" }).returning();
    await db.execute(sql`insert into favorite_movies (user_id, movie_id) values (${bob}, ${film.id}), (${admin}, ${film.id})`);

    expect(await deleteUserAsAdmin(bob, admin)).toEqual({ status: "done", username: "bob", avatarKey: "avatar-key" });
    expect(await readUser(bob)).toBeUndefined();
    const favorites = await db.execute<{ user_id: number }>(sql`select user_id from favorite_movies`);
    expect(favorites.map((f) => f.user_id)).toEqual([admin]);
    expect(await db.execute(sql`select id from file_`)).toHaveLength(0);
    expect(await db.execute(sql`select id from movie`)).toHaveLength(1);
  });

  it("never deletes oneself or the last active admin; a disabled admin may go", async () => {
    const ada = await addUser("ada", "admin");
    const carl = await addUser("carl", "admin", { disabled_at: new Date() });
    expect(await deleteUserAsAdmin(ada, ada)).toEqual({ status: "self" });
    expect(await deleteUserAsAdmin(carl, ada)).toMatchObject({ status: "done" });
    const bob = await addUser("bob", "admin");
    // Someone demoted ada after her page loaded: bob is the last active admin, and she can no longer act.
    await db.execute(sql`update user_ set role = 'user' where id = ${ada}`);
    expect(await deleteUserAsAdmin(bob, ada)).toEqual({ status: "not-allowed" });
    await db.execute(sql`update user_ set role = 'admin' where id = ${ada}`);
    await db.execute(sql`update user_ set disabled_at = now() where id = ${ada}`);
    expect(await deleteUserAsAdmin(bob, bob)).toEqual({ status: "self" });
    expect(await readUser(bob)).toBeDefined();
  });

  it("two admins deleting each other at the same moment leave one admin", async () => {
    const ada = await addUser("ada", "admin");
    const bob = await addUser("bob", "admin");
    const outcomes = await Promise.all([deleteUserAsAdmin(bob, ada), deleteUserAsAdmin(ada, bob)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["done", "not-allowed"]);
    const [{ n }] = await db.execute<{ n: number }>(sql`select count(*)::int as n from user_ where role = 'admin' and disabled_at is null`);
    expect(n).toBe(1);
  });
});
