/**
 * A session that was ended is ended everywhere, Auth.js's own endpoints included: copies of a cookie taken before
 * a sign-out (the site's, or Auth.js's POST /api/auth/signout) read as no session on every route.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signInRequest } from "./support/server-actions";
import { createTestUser } from "./support/users";

const SESSION_COOKIE = "authjs.session-token";

async function sessionOf(request: APIRequestContext) {
  const response = await request.get("/api/auth/session");
  expect(response.status()).toBe(200);
  return (await response.json()) as { user?: { name?: string; email?: string; id?: string } } | null;
}

/** A second client holding a copy of `from`'s session cookie (what a thief or a shared computer would keep). */
async function copyOfSession(playwright: { request: { newContext(o: object): Promise<APIRequestContext> } }, baseURL: string, from: APIRequestContext) {
  const { cookies } = await from.storageState();
  const session = cookies.filter((c) => c.name.startsWith(SESSION_COOKIE));
  expect(session.length).toBeGreaterThan(0);
  return playwright.request.newContext({ baseURL, storageState: { cookies: session, origins: [] } });
}

test("after signing out through the site, a copied cookie gets nothing from /api/auth/session either", async ({ playwright, baseURL, browser }) => {
  const user = await createTestUser();
  const page = await (await browser.newContext()).newPage();
  await signInRequest(page.request, user.username, user.password);
  const copy = await copyOfSession(playwright, baseURL!, page.request);
  expect((await sessionOf(copy))?.user?.name).toBe(user.username);
  // The islands' endpoint, which the production server answers itself, knows the copy as the member too...
  expect(((await (await copy.get("/api/viewer")).json()) as { viewer: { username: string } | null }).viewer?.username).toBe(user.username);

  await page.goto("/account");
  await page.getByTestId("user-menu").getByRole("button", { name: /Account menu/ }).click();
  await page.getByTestId("user-menu").getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  const session = await sessionOf(copy);
  expect(session?.user).toBeUndefined();
  expect(JSON.stringify(session)).not.toContain(user.username);
  expect((await copy.get("/account", { maxRedirects: 0 })).status()).toBe(307);
  // ...and as nobody once the member signed out.
  expect(await (await copy.get("/api/viewer")).json()).toEqual({ viewer: null });
  await copy.dispose();
  await page.context().close();
});

test("signing out through Auth.js's own POST /api/auth/signout ends every copy of the cookie", async ({ playwright, baseURL }) => {
  const user = await createTestUser();
  const signedIn = await playwright.request.newContext({ baseURL });
  await signInRequest(signedIn, user.username, user.password);
  const copy = await copyOfSession(playwright, baseURL!, signedIn);
  expect((await copy.get("/account", { maxRedirects: 0 })).status()).toBe(200);

  const csrf = (await (await signedIn.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signedOut = await signedIn.post("/api/auth/signout", { form: { csrfToken: csrf.csrfToken, callbackUrl: "/" }, maxRedirects: 0 });
  expect(signedOut.status()).toBe(302);

  expect((await copy.get("/account", { maxRedirects: 0 })).status()).toBe(307);
  expect((await sessionOf(copy))?.user).toBeUndefined();
  expect(await (await copy.get("/api/viewer")).json()).toEqual({ viewer: null });

  // The revoked copy cannot be used to sign the user out of a newer session in turn.
  const later = await playwright.request.newContext({ baseURL });
  await signInRequest(later, user.username, user.password);
  const copyCsrf = (await (await copy.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await copy.post("/api/auth/signout", { form: { csrfToken: copyCsrf.csrfToken, callbackUrl: "/" }, maxRedirects: 0 });
  expect((await sessionOf(later))?.user?.name).toBe(user.username);
  expect((await later.get("/account", { maxRedirects: 0 })).status()).toBe(200);
  for (const context of [signedIn, copy, later]) await context.dispose();
});
