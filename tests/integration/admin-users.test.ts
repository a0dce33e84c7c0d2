/**
 * User management (db/queries/admin/users.ts): search, filters and pages; role changes and disabling end the
 * user's sessions; the last active admin can never be demoted or disabled, even by two admins at the same moment.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { changeUserRole, listUsers, otherActiveAdmins, setUserDisabled } from "@/db/queries/admin/users";
import { getViewerById } from "@/db/queries/users";
import { user_, type UserRole } from "@/db/schema";
import { parseUserFilters, type UserFilters } from "@/lib/validation/admin/user";
import { openTestDatabase } from "../support/database";
import { addUser as addTestUser } from "../support/users";
import { countQueries } from "../support/query-counter";

const { db, sql: client } = openTestDatabase();

const addUser = (username: string, role?: UserRole, extra?: Parameters<typeof addTestUser>[3]) => addTestUser(db, username, role, extra);

const readUser = async (id: number) =>
  (await db.execute<{ role: UserRole; session_version: number; disabled: boolean }>(sql`select role, session_version, disabled_at is not null as disabled from user_ where id = ${id}`))[0];
const activeAdminCount = async () => (await db.execute<{ n: number }>(sql`select count(*)::int as n from user_ where role = 'admin' and disabled_at is null`))[0].n;
const filters = (overrides: Partial<UserFilters> = {}): UserFilters => ({ ...parseUserFilters({}), ...overrides });

/** Waits until `count` statements of this database are blocked on a lock (the race under test has reached it). */
async function waitForLockWaiters(count: number) {
  for (let i = 0; i < 500; i++) {
    const [row] = await client<{ n: number }[]>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
    if (row.n >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never saw ${count} statements waiting on a lock`);
}

beforeEach(async () => {
  await db.execute(sql`truncate favorite_movies, user_, file_ restart identity cascade`);
});
afterAll(() => client.end({ timeout: 5 }));

describe("listing users", () => {
  it("searches username, email and name (accents ignored), filters by role and status, sorts and pages", async () => {
    const ada = await addUser("ada", "admin");
    await addUser("Bob", "editor", { email: "robert@studio.test" });
    await addUser("chloe", "user", { first_name: "Chloé", last_name: "Zhao" });
    await addUser("dan", "user", { disabled_at: new Date() });
    const names = async (f: Partial<UserFilters>) => (await listUsers(filters({ sort: "username", ...f }))).users.map((u) => u.username);
    expect(await names({})).toEqual(["ada", "Bob", "chloe", "dan"]);
    expect(await names({ q: "BOB" })).toEqual(["Bob"]);
    expect(await names({ q: "studio.test" })).toEqual(["Bob"]);
    expect(await names({ q: "chloe zhao" })).toEqual(["chloe"]);
    expect(await names({ q: "50%" })).toEqual([]);
    expect(await names({ role: "user" })).toEqual(["chloe", "dan"]);
    expect(await names({ status: "disabled" })).toEqual(["dan"]);
    expect(await names({ status: "active", role: "user" })).toEqual(["chloe"]);
    expect((await listUsers(filters({ sort: "newest" }))).users[0].username).toBe("dan");
    const page = await listUsers(filters());
    expect(page).toMatchObject({ total: 4, page: 1, pageCount: 1, activeAdmins: 1 });
    expect(Object.keys(page.users[0])).not.toContain("password");
    expect(await otherActiveAdmins(ada)).toEqual([]);
  });

  it("pages by 50 in two statements and clamps a page past the end", async () => {
    await db.insert(user_).values(Array.from({ length: 55 }, (_, i) => ({ username: `u${i}`, email: `u${i}@example.com`, first_name: "U", last_name: String(i), password: "x" })));
    const first = await countQueries(() => listUsers(filters()));
    expect(first.result.users).toHaveLength(50);
    expect(first.count).toBe(2);
    const last = await listUsers(filters({ page: 7 }));
    expect(last).toMatchObject({ page: 2, pageCount: 2 });
    expect(last.users).toHaveLength(5);
    expect(parseUserFilters({ page: "-3", role: "root", status: "x", sort: "1;drop" })).toMatchObject({ page: 1, role: null, status: null, sort: "newest" });
  });
});

describe("changing roles", () => {
  it("changes the role and ends the user's sessions (session_version bumped)", async () => {
    const admin = await addUser("ada", "admin");
    const user = await addUser("bob");
    expect(await changeUserRole(user, "editor", admin)).toMatchObject({ status: "changed", username: "bob", self: false });
    expect(await readUser(user)).toMatchObject({ role: "editor", session_version: 1 });
    // The session check compares the cookie's version (0) with the user's: the old session is nobody now.
    expect((await getViewerById(user))?.session_version).toBe(1);
    expect(await changeUserRole(user, "editor", admin)).toMatchObject({ status: "unchanged" });
    expect(await readUser(user)).toMatchObject({ session_version: 1 });
    expect(await changeUserRole(999_999, "admin", admin)).toEqual({ status: "not-found" });
  });

  it("never demotes the last active admin, and lets an admin step down while another remains", async () => {
    const ada = await addUser("ada", "admin");
    const eve = await addUser("eve", "admin", { disabled_at: new Date() });
    expect(await changeUserRole(ada, "editor", ada)).toEqual({ status: "last-admin", username: "ada" });
    expect(await readUser(ada)).toMatchObject({ role: "admin", session_version: 0 });

    await setUserDisabled(eve, false, ada);
    const outcome = await changeUserRole(ada, "editor", ada);
    expect(outcome).toEqual({ status: "changed", username: "ada", self: true, otherAdmins: ["eve"] });
    // Her own session goes on (as an editor: roles are read from the database on every request).
    expect(await readUser(ada)).toMatchObject({ role: "editor", session_version: 0 });
    expect(await activeAdminCount()).toBe(1);
    // No longer an admin, she can change nobody's role.
    expect(await changeUserRole(eve, "user", ada)).toEqual({ status: "not-allowed" });
    expect(await readUser(eve)).toMatchObject({ role: "admin" });
  });

  it("two admins demoting each other at the same moment leave one admin", async () => {
    const ada = await addUser("ada", "admin");
    const bob = await addUser("bob", "admin");
    let demotions: Promise<unknown>[] = [];
    await client.begin(async (tx) => {
      // Hold the admins so that both demotions have started before either can finish.
      await tx`select id from user_ where role = 'admin' for update`;
      demotions = [changeUserRole(bob, "user", ada), changeUserRole(ada, "user", bob)];
      await waitForLockWaiters(2);
    });
    const outcomes = (await Promise.all(demotions)) as { status: string }[];
    expect(outcomes.map((o) => o.status).sort()).toEqual(["changed", "not-allowed"]);
    expect(await activeAdminCount()).toBe(1);
  });

  it("two admins each stepping down at the same moment: one of them remains admin", async () => {
    const ada = await addUser("ada", "admin");
    const bob = await addUser("bob", "admin");
    let demotions: Promise<unknown>[] = [];
    await client.begin(async (tx) => {
      await tx`select id from user_ where role = 'admin' for update`;
      demotions = [changeUserRole(ada, "editor", ada), changeUserRole(bob, "editor", bob)];
      await waitForLockWaiters(2);
    });
    const outcomes = (await Promise.all(demotions)) as { status: string }[];
    expect(outcomes.map((o) => o.status).sort()).toEqual(["changed", "last-admin"]);
    expect(await activeAdminCount()).toBe(1);
  });
});

describe("disabling", () => {
  it("disables (sessions end, the viewer is nobody) and re-enables", async () => {
    const admin = await addUser("ada", "admin");
    const user = await addUser("bob");
    expect(await setUserDisabled(user, true, admin)).toMatchObject({ status: "changed" });
    expect(await readUser(user)).toMatchObject({ disabled: true, session_version: 1 });
    expect(await getViewerById(user)).toBeNull();
    expect(await setUserDisabled(user, true, admin)).toMatchObject({ status: "unchanged" });
    expect(await setUserDisabled(user, false, admin)).toMatchObject({ status: "changed" });
    // Re-enabling does not bring back the sessions that disabling ended.
    expect(await readUser(user)).toMatchObject({ disabled: false, session_version: 1 });
    expect(await getViewerById(user)).not.toBeNull();
  });

  it("refuses to disable oneself, and an admin disabled meanwhile can no longer disable the last one", async () => {
    const ada = await addUser("ada", "admin");
    const bob = await addUser("bob", "admin");
    expect(await setUserDisabled(ada, true, ada)).toEqual({ status: "self" });
    expect(await readUser(ada)).toMatchObject({ disabled: false, session_version: 0 });
    // Someone disabled ada after her page loaded: bob is now the last active admin, and she cannot act on him.
    await db.execute(sql`update user_ set disabled_at = now() where id = ${ada}`);
    expect(await setUserDisabled(bob, true, ada)).toEqual({ status: "not-allowed" });
    expect(await changeUserRole(bob, "user", ada)).toEqual({ status: "not-allowed" });
    expect(await readUser(bob)).toMatchObject({ role: "admin", disabled: false, session_version: 0 });
  });

  it("a disabling and a demotion of the two admins at the same moment leave one admin", async () => {
    const ada = await addUser("ada", "admin");
    const bob = await addUser("bob", "admin");
    const carol = await addUser("carol", "admin");
    await changeUserRole(carol, "editor", ada);
    let changes: Promise<unknown>[] = [];
    await client.begin(async (tx) => {
      await tx`select id from user_ where role = 'admin' for update`;
      changes = [setUserDisabled(bob, true, ada), changeUserRole(ada, "user", bob)];
      await waitForLockWaiters(2);
    });
    const outcomes = (await Promise.all(changes)) as { status: string }[];
    expect(outcomes.map((o) => o.status).sort()).toEqual(["changed", "not-allowed"]);
    expect(await activeAdminCount()).toBe(1);
  });
});
