/**
 * The files and users actions are public endpoints: called directly (no page, no layout) as nobody, as a plain
 * user — and, for user management, as an editor — they change nothing. An admin's tampered input gets a message,
 * never a change or a 500.
 */
import { expect, test, type APIRequestContext, type PlaywrightWorkerArgs } from "@playwright/test";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { file_ } from "@/db/schema";
import { LocalDiskStorage } from "@/lib/storage/local";
import { withTestDatabase } from "./support/database";
import { callAction, signInRequest } from "./support/server-actions";
import { createTestUser, readUser } from "./support/users";

const FILES = "app/admin/files/actions.ts";
const USERS = "app/admin/users/actions.ts";

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
