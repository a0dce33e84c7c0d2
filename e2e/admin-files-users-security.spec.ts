/**
 * The files and users actions are public endpoints: called directly (no page, no layout) as nobody, as a plain
 * user — and, for user management, as an editor — they change nothing. An admin's tampered input gets a message,
 * never a change or a 500.
 */
import { expect, test, type APIRequestContext, type PlaywrightWorkerArgs } from "@playwright/test";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { file_, user_ } from "@/db/schema";
import { LocalDiskStorage } from "@/lib/storage/local";
import { withTestDatabase } from "./support/database";
import { callAction, signInRequest } from "./support/server-actions";
import { createTestUser, readUser } from "./support/users";

const FILES = "app/admin/files/actions.ts";
const USERS = "app/admin/users/actions.ts";
const ACCOUNTS = "app/admin/users/account-actions.ts";

async function storeUnusedFile() {
  const uploads = process.env.UPLOADS_DIR;
  if (!uploads) throw new Error("UPLOADS_DIR is not set: run the end-to-end tests through `npm test`");
  const bytes = await sharp({ create: { width: 16, height: 16, channels: 3, background: "#36c" } }).png().toBuffer();
  const fileName = `guarded-${Date.now()}.png`;
  const stored = await new LocalDiskStorage(uploads).put({ fileName, mimeType: "image/png", bytes, isPublic: true });
  const [row] = await withTestDatabase((db) =>
    db.insert(file_).values({ file_name: fileName, mime_type: "image/png", file_key: stored.key, file_url: stored.url, is_public: true, size_bytes: bytes.length }).returning(),
  );
  return row;
}

const readFile = (id: number) => withTestDatabase(async (db) => (await db.select().from(file_).where(eq(file_.id, id)))[0]);

/** Request contexts: anonymous, and signed in as a fresh user of each given role. */
async function callers(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string | undefined, roles: ("user" | "editor")[], refusal: string) {
  const contexts: { who: string; request: APIRequestContext; expected: string }[] = [];
  contexts.push({ who: "anonymous", request: await playwright.request.newContext({ baseURL }), expected: "Your session has ended. Sign in again to continue." });
  for (const role of roles) {
    const user = await createTestUser(role);
    const request = await playwright.request.newContext({ baseURL });
    await signInRequest(request, user.username, user.password);
    contexts.push({ who: role, request, expected: refusal });
  }
  return contexts;
}

test("file actions change nothing for anonymous callers and plain users", async ({ playwright, baseURL }) => {
  const file = await storeUnusedFile();
  const contexts = await callers(playwright, baseURL, ["user"], "Only editors can do this.");
  for (const { who, request, expected } of contexts) {
    const toggle = await callAction(request, { file: FILES, name: "setFileVisibilityAction" }, { id: String(file.id), is_public: "false" }, { previousState: {} });
    expect(await toggle.text(), `${who}: visibility`).toContain(expected);
    const deletion = await callAction(request, { file: FILES, name: "deleteFileAction" }, { id: String(file.id), confirm: "yes" }, { previousState: {} });
    expect(await deletion.text(), `${who}: delete`).toContain(expected);
  }
  expect(await readFile(file.id)).toEqual(file);
  expect((await contexts[0].request.get(file.file_url)).status()).toBe(200);
  for (const { request } of contexts) await request.dispose();
});

test("user actions change nothing for anonymous callers, plain users and editors", async ({ playwright, baseURL }) => {
  const victim = await createTestUser();
  const admin = await createTestUser("admin");
  const [victimBefore, adminBefore] = [await readUser(victim.id), await readUser(admin.id)];
  const contexts = await callers(playwright, baseURL, ["user", "editor"], "Only administrators can do this.");
  for (const { who, request, expected } of contexts) {
    const calls: [string, Record<string, string>][] = [
      ["changeUserRoleAction", { id: String(victim.id), role: "admin" }],
      ["changeUserRoleAction", { id: String(admin.id), role: "user", confirm: "yes" }],
      ["setUserDisabledAction", { id: String(victim.id), disabled: "true" }],
      ["setUserDisabledAction", { id: String(admin.id), disabled: "true" }],
    ];
    for (const [name, fields] of calls) {
      const response = await callAction(request, { file: USERS, name }, fields, { previousState: {} });
      expect(await response.text(), `${who}: ${name}`).toContain(expected);
    }
  }
  expect(await readUser(victim.id)).toEqual(victimBefore);
  expect(await readUser(admin.id)).toEqual(adminBefore);
  for (const { request } of contexts) await request.dispose();
});

test("an admin's tampered input gets a message and changes nothing", async ({ playwright, baseURL }) => {
  const victim = await createTestUser();
  const before = await readUser(victim.id);
  const file = await storeUnusedFile();
  const admin = await createTestUser("admin");
  const request = await playwright.request.newContext({ baseURL });
  await signInRequest(request, admin.username, admin.password);
  const tampered: [string, string, Record<string, string>][] = [
    [USERS, "changeUserRoleAction", { id: String(victim.id), role: "superuser" }],
    [USERS, "changeUserRoleAction", { id: `${victim.id} OR 1=1`, role: "admin" }],
    [USERS, "changeUserRoleAction", { id: "99999999999", role: "admin" }],
    [USERS, "setUserDisabledAction", { id: String(victim.id), disabled: "maybe" }],
    [USERS, "setUserDisabledAction", { id: "-1", disabled: "true" }],
    [FILES, "setFileVisibilityAction", { id: String(file.id), is_public: "nope" }],
    [FILES, "deleteFileAction", { id: "<script>" }],
  ];
  for (const [action, name, fields] of tampered) {
    const response = await callAction(request, { file: action, name }, fields, { previousState: {} });
    expect(response.status(), `${name} ${JSON.stringify(fields)}`).toBe(200);
    expect(await response.text(), `${name} ${JSON.stringify(fields)}`).toMatch(/Choose|could not be found|Please correct/);
  }
  expect(await readUser(victim.id)).toEqual(before);
  expect(await readFile(file.id)).toEqual(file);
  await request.dispose();
});

const countUsersNamed = (username: string) => withTestDatabase(async (db) => (await db.select({ id: user_.id }).from(user_).where(eq(user_.username, username))).length);

test("creating, editing, resetting and deleting accounts change nothing for anonymous callers, plain users and editors", async ({ playwright, baseURL }) => {
  const victim = await createTestUser();
  const admin = await createTestUser("admin");
  const [victimBefore, adminBefore] = [await readUser(victim.id), await readUser(admin.id)];
  const intruder = `intruder_${Date.now().toString(36)}`;
  const contexts = await callers(playwright, baseURL, ["user", "editor"], "Only administrators can do this.");
  for (const { who, request, expected } of contexts) {
    const calls: [string, Record<string, string>][] = [
      ["createUserAction", { username: intruder, email: `${intruder}@example.com`, first_name: "In", last_name: "Truder", role: "admin", password: "a long intruder password" }],
      ["updateUserAction", { id: String(victim.id), username: victim.username, email: `${intruder}@example.com`, first_name: "In", last_name: "Truder" }],
      ["resetUserPasswordAction", { id: String(victim.id), password: "a long intruder password" }],
      ["resetUserPasswordAction", { id: String(admin.id), password: "a long intruder password" }],
      ["deleteUserAction", { id: String(victim.id) }],
      ["deleteUserAction", { id: String(admin.id) }],
    ];
    for (const [name, fields] of calls) {
      const response = await callAction(request, { file: ACCOUNTS, name }, fields, { previousState: {} });
      expect(await response.text(), `${who}: ${name}`).toContain(expected);
    }
  }
  expect(await countUsersNamed(intruder)).toBe(0);
  expect(await readUser(victim.id)).toEqual(victimBefore);
  expect(await readUser(admin.id)).toEqual(adminBefore);
  for (const { request } of contexts) await request.dispose();
});

test("an admin cannot delete themselves or reset their own password over HTTP, and tampered input changes nothing", async ({ playwright, baseURL }) => {
  const victim = await createTestUser();
  const admin = await createTestUser("admin");
  const [victimBefore, adminBefore] = [await readUser(victim.id), await readUser(admin.id)];
  const request = await playwright.request.newContext({ baseURL });
  await signInRequest(request, admin.username, admin.password);
  const calls: [string, Record<string, string>, RegExp][] = [
    ["deleteUserAction", { id: String(admin.id) }, /cannot delete your own account/],
    ["resetUserPasswordAction", { id: String(admin.id), password: "a long new password" }, /your own password on your account page/],
    ["resetUserPasswordAction", { id: String(victim.id), password: "password" }, /too common/],
    ["updateUserAction", { id: String(victim.id), username: "a b", email: "not-an-email", first_name: "", last_name: "x" }, /Please correct|Use letters/],
    ["updateUserAction", { id: String(victim.id), username: admin.username.toUpperCase(), email: victimBefore.email, first_name: "x", last_name: "x" }, /This username is taken/],
    ["deleteUserAction", { id: "1 OR 1=1" }, /could not be found/],
    ["createUserAction", { username: victim.username, email: "fresh@example.com", first_name: "x", last_name: "x", role: "owner", password: "a long new password" }, /Choose user, editor or admin/],
  ];
  for (const [name, fields, expected] of calls) {
    const response = await callAction(request, { file: ACCOUNTS, name }, fields, { previousState: {} });
    expect(response.status(), name).toBe(200);
    expect(await response.text(), `${name} ${JSON.stringify(fields)}`).toMatch(expected);
  }
  expect(await readUser(victim.id)).toEqual(victimBefore);
  expect(await readUser(admin.id)).toEqual(adminBefore);
  await request.dispose();
});

test("while an admin's password reset is pending, member actions are refused until the password is changed", async ({ playwright, baseURL }) => {
  const user = await createTestUser();
  await withTestDatabase((db) => db.update(user_).set({ must_change_password: true }).where(eq(user_.id, user.id)));
  const before = await readUser(user.id);
  const request = await playwright.request.newContext({ baseURL });
  await signInRequest(request, user.username, user.password);
  const response = await callAction(request, { file: "app/(account)/account/actions.ts", name: "updateProfileAction" }, { first_name: "Changed", last_name: "Name", email: before.email }, { previousState: {} });
  expect(await response.text()).toContain("An administrator reset your password");
  expect(await readUser(user.id)).toEqual(before);
  await request.dispose();
});
