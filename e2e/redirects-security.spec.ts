/**
 * No redirect target taken from a request may leave the site: the callbackUrl of /sign-in and /sign-up, the sign-in
 * and sign-up actions, the favorite heart's return path, Auth.js's own endpoints and the canonical redirects. Every
 * Location (and every client-side redirect an action asks for) must resolve to this origin and never start with
 * "//" or "/\", which a browser follows to another host.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { movie } from "@/db/schema";
import { withTestDatabase } from "./support/database";
import { callAction, signInRequest } from "./support/server-actions";
import { createTestUser } from "./support/users";

const PAYLOADS = [
  "/..//evil.example/phish",
  "/%2e%2e//evil.example/phish",
  "/.//evil.example/phish",
  "/a/..//evil.example/phish",
  "/.%2e//evil.example/phish",
  "//evil.example/phish",
  "/\\evil.example/phish",
  "/\t/evil.example/phish",
  "https://evil.example/phish",
  "javascript:alert(1)",
];

/** A redirect target as a browser would follow it from `base`: it must stay here. */
function expectOnSite(target: string | undefined, base: string, what: string) {
  expect(target, `${what}: a redirect`).toBeTruthy();
  const path = target!.split(";")[0];
  expect(new URL(path, base).origin, `${what} → ${path}`).toBe(new URL(base).origin);
  expect(path.startsWith("//") || path.startsWith("/\\"), `${what} → ${path}`).toBe(false);
  expect(path.toLowerCase(), `${what} → ${path}`).not.toContain("evil.example");
}

async function signedInContext(playwright: { request: { newContext(o: { baseURL?: string }): Promise<APIRequestContext> } }, baseURL: string) {
  const user = await createTestUser();
  const context = await playwright.request.newContext({ baseURL });
  await signInRequest(context, user.username, user.password);
  return { user, context };
}

test("signed in, /sign-in and /sign-up send callbackUrl tricks back to this site", async ({ playwright, baseURL }) => {
  const { context } = await signedInContext(playwright, baseURL!);
  for (const page of ["/sign-in", "/sign-up"]) {
    for (const payload of PAYLOADS) {
      const response = await context.get(`${page}?callbackUrl=${encodeURIComponent(payload)}`, { maxRedirects: 0 });
      expect(response.status(), `${page} ${payload}`).toBeGreaterThanOrEqual(300);
      expect(response.status(), `${page} ${payload}`).toBeLessThan(400);
      expectOnSite(response.headers()["location"], baseURL!, `${page}?callbackUrl=${payload}`);
    }
    // The same trick spelled raw in the query string (not encoded by the client).
    const raw = await context.get(`${page}?callbackUrl=/..//evil.example/phish`, { maxRedirects: 0 });
    expectOnSite(raw.headers()["location"], baseURL!, `${page} raw`);
  }
  await context.dispose();
});

test("the sign-in action and the favorite heart redirect only to this site", async ({ playwright, baseURL }) => {
  const user = await createTestUser();
  const [film] = await withTestDatabase((db) => db.select({ id: movie.id }).from(movie).orderBy(movie.id).limit(1));
  for (const payload of PAYLOADS.slice(0, 5)) {
    const context = await playwright.request.newContext({ baseURL });
    const signedIn = await callAction(context, { file: "app/(auth)/actions.ts", name: "signInAction" }, { login: user.username, password: user.password, callbackUrl: payload }, { previousState: {} });
    expectOnSite(signedIn.headers()["x-action-redirect"], baseURL!, `signInAction callbackUrl=${payload}`);
    // Without JavaScript the heart posts back and is redirected to its return path.
    const heart = await callAction(context, { file: "app/(account)/favorites/actions.ts", name: "toggleFavoriteAction" }, { movieId: String(film.id), intent: "add", returnTo: payload });
    expectOnSite(heart.headers()["x-action-redirect"], baseURL!, `toggleFavoriteAction returnTo=${payload}`);
    await context.dispose();
  }
  // Signed out, the heart sends the visitor to sign in, with a return path that is still this site's.
  const anonymous = await playwright.request.newContext({ baseURL });
  const heart = await callAction(anonymous, { file: "app/(account)/favorites/actions.ts", name: "toggleFavoriteAction" }, { movieId: String(film.id), intent: "add", returnTo: PAYLOADS[0] });
  const target = heart.headers()["x-action-redirect"]!.split(";")[0];
  expectOnSite(target, baseURL!, "signed-out heart");
  expect(new URL(target, baseURL).searchParams.get("callbackUrl")).toBe("/");
  await anonymous.dispose();
});

test("Auth.js's own endpoints keep their callbackUrl on this site", async ({ playwright, baseURL }) => {
  const user = await createTestUser();
  for (const payload of ["https://evil.example/phish", "//evil.example/phish", "/..//evil.example/phish", "/\\evil.example"]) {
    const context = await playwright.request.newContext({ baseURL });
    const signinPage = await context.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(payload)}`, { maxRedirects: 0 });
    expectOnSite(signinPage.headers()["location"], baseURL!, `GET /api/auth/signin ${payload}`);

    const csrf = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const signedIn = await context.post("/api/auth/callback/credentials", {
      form: { csrfToken: csrf.csrfToken, login: user.username, password: user.password, callbackUrl: payload },
      maxRedirects: 0,
    });
    expectOnSite(signedIn.headers()["location"], baseURL!, `POST /api/auth/callback/credentials ${payload}`);

    const signedOut = await context.post("/api/auth/signout", { form: { csrfToken: csrf.csrfToken, callbackUrl: payload }, maxRedirects: 0 });
    expectOnSite(signedOut.headers()["location"], baseURL!, `POST /api/auth/signout ${payload}`);
    await context.dispose();
  }
});

test("canonical redirects and sign-in guards ignore a path header sent by the client", async ({ request, baseURL }) => {
  const [film] = await withTestDatabase((db) => db.select({ id: movie.id }).from(movie).orderBy(movie.id).limit(1));
  for (const forged of ["//evil.example/x?y=1", "/..//evil.example/x?y=1", "/\\evil.example"]) {
    // A prefetch header keeps proxy.ts (which sets the real path) out of the way; the server drops the copy.
    const headers = { "x-marquee-path": forged, "next-router-prefetch": "1" };
    const canonical = await request.get(`/movies/${film.id}-not-its-slug`, { headers, maxRedirects: 0 });
    expect(canonical.status()).toBe(308);
    expectOnSite(canonical.headers()["location"], baseURL!, `canonical with x-marquee-path ${forged}`);
    const guarded = await request.get("/api/admin/lookup?kind=person&q=ab", { headers: { "x-marquee-path": forged }, maxRedirects: 0 });
    if (guarded.status() >= 300 && guarded.status() < 400) {
      const location = guarded.headers()["location"];
      expectOnSite(location, baseURL!, `guard with x-marquee-path ${forged}`);
      expect(new URL(location, baseURL).searchParams.get("callbackUrl") ?? "/").not.toContain("evil.example");
    } else {
      expect(guarded.status()).toBe(401);
    }
  }
});
