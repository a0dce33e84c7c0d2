import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { sql } from "drizzle-orm";
import { movieHref } from "@/lib/slug";
import { withTestDatabase } from "./support/database";
import { signInRequest } from "./support/server-actions";
import { createTestUser } from "./support/users";

// The anonymous page cache (lib/page-cache.ts) as a visitor and an operator see it: the x-marquee-cache header,
// the bytes served, and the page after a change. Other specs change the catalogue while these run (each change
// rightly empties the cache), so "is it a hit" is asked a few times, never assumed.

const CACHE = "x-marquee-cache";

async function createFilm(title: string): Promise<{ id: number; path: string }> {
  const [row] = await withTestDatabase((db) => db.execute<{ id: number }>(sql`insert into movie (title, duration) values (${title}, 101) returning id`));
  return { id: row.id, path: movieHref({ id: row.id, title }) };
}

async function deleteFilm(id: number) {
  await withTestDatabase((db) => db.execute(sql`delete from movie where id = ${id}`));
}

/** Asks until a request is answered from the cache (at most 10 rounds); returns that response and the one before. */
async function untilHit(request: APIRequestContext, path: string, headers: Record<string, string> = {}) {
  for (let round = 0; round < 10; round++) {
    const first = await request.get(path, { headers });
    const second = await request.get(path, { headers });
    if (second.headers()[CACHE] === "hit") return { first, second };
  }
  throw new Error(`${path} was never served from the page cache`);
}

const noncesOf = (response: APIResponse) => /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];

test.describe("anonymous page cache", () => {
  test("a visitor's second view of a page is the same page, served from the cache, with a working CSP nonce", async ({ request }) => {
    const { first, second } = await untilHit(request, "/movies?sort=title&dir=asc");
    expect(first.status()).toBe(200);
    expect(second.status()).toBe(200);
    expect(second.headers()["content-type"]).toContain("text/html");
    const html = await second.text();
    expect(html).toContain("<h1");
    // The page's scripts carry the nonce its Content-Security-Policy allows (else the page would not hydrate).
    const nonce = noncesOf(second);
    expect(nonce).toBeTruthy();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(second.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("gzip is served to clients that ask for it, and decodes to the same page", async ({ playwright, baseURL }) => {
    const raw = await playwright.request.newContext({ baseURL });
    try {
      const { second } = await untilHit(raw, "/genres", { "accept-encoding": "gzip" });
      expect(second.headers()["content-encoding"]).toBe("gzip");
      expect(second.headers()["vary"]?.match(/accept-encoding/gi)).toHaveLength(1);
      const plain = await raw.get("/genres", { headers: { "accept-encoding": "identity" } });
      expect(plain.headers()["content-encoding"]).toBeUndefined();
      // Playwright decodes gzip itself: both are the same page (nonces aside, when the cache moved on between them).
      const normalize = async (response: APIResponse) => (await response.text()).replaceAll(noncesOf(response) ?? "-", "NONCE");
      const unzipped = await normalize(second);
      expect(unzipped).toContain("</html>");
      expect(await normalize(plain)).toBe(unzipped);
      // Brotli when the client takes it (browsers do).
      const br = await raw.get("/genres", { headers: { "accept-encoding": "br, gzip" } });
      expect(br.headers()["content-encoding"]).toBe("br");
      expect(await normalize(br)).toBe(unzipped);
    } finally {
      await raw.dispose();
    }
  });

  test("a change to the catalogue shows at once, even on a page that was cached", async ({ request }) => {
    const film = await createFilm(`Cache Test Before ${Date.now()}`);
    try {
      const { second } = await untilHit(request, film.path);
      expect(await second.text()).toContain("Cache Test Before");

      const renamed = `Cache Test After ${Date.now()}`;
      await withTestDatabase((db) => db.execute(sql`update movie set title = ${renamed}, description = 'Renamed in psql.' where id = ${film.id}`));
      // The old path now redirects to the new slug; the page itself must show the new title.
      const after = await request.get(movieHref({ id: film.id, title: renamed }));
      expect(after.status()).toBe(200);
      expect(after.headers()[CACHE]).not.toBe("hit");
      const html = await after.text();
      expect(html).toContain(renamed);
      expect(html).toContain("Renamed in psql.");
      expect(html).not.toContain("Cache Test Before");
    } finally {
      await deleteFilm(film.id);
    }
    // And a deleted film is a 404 straight away, not a cached page.
    expect((await request.get(`/movies/${film.id}`)).status()).toBe(404);
  });

  test("signed-in users get their own page, never the visitors' copy", async ({ playwright, baseURL }) => {
    const visitor = await playwright.request.newContext({ baseURL });
    const member = await playwright.request.newContext({ baseURL });
    try {
      const { second } = await untilHit(visitor, "/countries");
      expect(await second.text()).toContain(">Sign in<");

      const user = await createTestUser();
      await signInRequest(member, user.username, user.password);
      const mine = await member.get("/countries");
      expect(mine.headers()[CACHE]).toBe("bypass");
      const html = await mine.text();
      expect(html).toMatch(new RegExp(`Signed in as (<!-- -->)?${user.username}`));
      expect(html).not.toContain(">Sign in<");
    } finally {
      await visitor.dispose();
      await member.dispose();
    }
  });

  test("requests a cached page could answer wrongly are rendered: other cookies, client navigations, account pages", async ({ request }) => {
    await untilHit(request, "/genres");
    const withCookie = await request.get("/genres", { headers: { cookie: "marquee_pending_favorite=1" } });
    expect(withCookie.headers()[CACHE]).toBe("bypass");
    const navigation = await request.get("/genres", { headers: { rsc: "1" } });
    expect(navigation.headers()[CACHE]).toBe("bypass");
    expect(navigation.headers()["content-type"]).toContain("text/x-component");
    const signIn = await request.get("/sign-in");
    expect(signIn.headers()[CACHE]).toBe("bypass");
  });

  test("a page for another host name is kept apart (its canonical URL names that host)", async ({ request }) => {
    const other = { "x-forwarded-host": "marquee.example", "x-forwarded-proto": "https" };
    const { second } = await untilHit(request, "/genres", other);
    expect(await second.text()).toContain('href="https://marquee.example/genres"');
    const local = await untilHit(request, "/genres");
    expect(await local.second.text()).not.toContain("marquee.example");
  });

  test("an unknown film is a 404 every time, and garbage in the URL still gets its notice", async ({ request }) => {
    for (let i = 0; i < 2; i++) expect((await request.get("/movies/999999999")).status()).toBe(404);
    const { second } = await untilHit(request, "/movies?page=-1&from=abc");
    expect(second.status()).toBe(200);
    expect(await second.text()).toMatch(/Ignored/);
  });
});
