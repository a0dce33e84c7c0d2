import http from "node:http";
import zlib from "node:zlib";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { sql } from "drizzle-orm";
import { movieHref, personHref } from "@/lib/slug";
import { withTestDatabase } from "./support/database";
import { signInRequest } from "./support/server-actions";
import { createTestUser } from "./support/users";

// The page cache (lib/page-cache.ts) as a visitor, a member and an operator see it: the x-marquee-cache header,
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

test.describe("page cache", () => {
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
    const film = await createFilm(`Cache Test ${Date.now()}`);
    try {
      const { second } = await untilHit(request, film.path);
      expect(await second.text()).not.toContain("Edited in psql.");

      // Same URL, new content: the cached copy must not be served.
      await withTestDatabase((db) => db.execute(sql`update movie set description = 'Edited in psql.' where id = ${film.id}`));
      const edited = await request.get(film.path);
      expect(edited.headers()[CACHE]).not.toBe("hit");
      expect(await edited.text()).toContain("Edited in psql.");

      // A new title: the cached URL now redirects to the new spelling, which shows the new title.
      const renamed = `Cache Test Renamed ${Date.now()}`;
      await withTestDatabase((db) => db.execute(sql`update movie set title = ${renamed} where id = ${film.id}`));
      const old = await request.get(film.path, { maxRedirects: 0 });
      expect(old.status()).toBe(308);
      const newPath = movieHref({ id: film.id, title: renamed });
      expect(old.headers()["location"]).toContain(newPath);
      await untilHit(request, newPath);
      expect(await (await request.get(newPath)).text()).toContain(renamed);

      // Deleted: a 404 at once, not the cached page.
      await deleteFilm(film.id);
      expect((await request.get(newPath)).status()).toBe(404);
    } finally {
      await deleteFilm(film.id);
    }
  });

  test("a person page is rendered again when users' favorites change (their Known for ranks by favorites)", async ({ request }) => {
    const film = await createFilm(`Cache Favorite ${Date.now()}`);
    const [person] = await withTestDatabase((db) => db.execute<{ id: number }>(sql`insert into person (first_name, last_name) values ('Cache', 'Actor') returning id`));
    try {
      await withTestDatabase((db) =>
        db.execute(sql`with c as (insert into character_ (name, movie_id) values ('Someone', ${film.id}) returning id)
                       insert into character_actors (character_id, person_id) select id, ${person.id} from c`),
      );
      const path = personHref({ id: person.id, name: "Cache Actor" });
      await untilHit(request, path);
      const user = await createTestUser();
      await withTestDatabase((db) => db.execute(sql`insert into favorite_movies (user_id, movie_id) values (${user.id}, ${film.id})`));
      expect((await request.get(path)).headers()[CACHE]).not.toBe("hit");
    } finally {
      await deleteFilm(film.id);
      await withTestDatabase((db) => db.execute(sql`delete from person where id = ${person.id}`));
    }
  });

  test("members get the visitors' page from the cache: it names nobody, and their islands fill it in", async ({ playwright, baseURL }) => {
    const visitor = await playwright.request.newContext({ baseURL });
    const member = await playwright.request.newContext({ baseURL });
    try {
      const { second } = await untilHit(visitor, "/countries");
      expect(await second.text()).toContain(">Sign in<");

      const user = await createTestUser();
      await signInRequest(member, user.username, user.password);
      const { second: mine } = await untilHit(member, "/countries");
      const html = await mine.text();
      expect(html).not.toContain(user.username);
      expect(html).toContain(">Sign in<");
      // Who is signed in comes from the one per-user endpoint, never stored.
      const viewer = await member.get("/api/viewer");
      expect(viewer.headers()["cache-control"]).toBe("private, no-store");
      expect((await viewer.json()).viewer.username).toBe(user.username);
      expect(await (await visitor.get("/api/viewer")).json()).toEqual({ viewer: null });
    } finally {
      await visitor.dispose();
      await member.dispose();
    }
  });

  test("requests a cached page could answer wrongly are rendered: the favorites filter, forged navigations, account pages", async ({ request }) => {
    await untilHit(request, "/genres");
    const mine = await request.get("/movies?mine=only", { maxRedirects: 0 });
    expect(mine.headers()[CACHE]).toBe("bypass");
    // An RSC request whose _rsc doesn't hash its headers goes to Next, which sends it to the right URL.
    const forged = await request.get("/genres?_rsc=forged", { headers: { rsc: "1", "next-router-prefetch": "1" }, maxRedirects: 0 });
    expect(forged.headers()[CACHE]).toBe("bypass");
    expect(forged.status()).toBe(307);
    const signIn = await request.get("/sign-in");
    expect(signIn.headers()[CACHE]).toBe("bypass");
    expect(signIn.headers()["cache-control"]).toContain("no-store");
  });

  test("cached pages carry an ETag and Cache-Control a CDN can keep and revalidate; a matching If-None-Match is a 304", async ({ request }) => {
    const { second } = await untilHit(request, "/people");
    const tag = second.headers()["etag"];
    expect(tag).toMatch(/^W\/"[\w-]+"$/);
    expect(second.headers()["cache-control"]).toBe("public, no-cache");
    const again = await request.get("/people", { headers: { "if-none-match": tag } });
    expect(again.status()).toBe(304);
    expect(again.headers()["etag"]).toBe(tag);
    expect(await again.text()).toBe("");
    // Another page, or the same page after a catalogue change, has another tag: the old one gets the whole page.
    const film = await createFilm(`ETag Test ${Date.now()}`);
    try {
      const changed = await request.get("/people", { headers: { "if-none-match": tag } });
      expect(changed.status()).toBe(200);
      expect(changed.headers()["etag"]).not.toBe(tag);
    } finally {
      await deleteFilm(film.id);
    }
    // Per-user pages stay private.
    const favorites = await request.get("/favorites", { maxRedirects: 0 });
    expect(favorites.headers()["etag"]).toBeUndefined();
  });

  test("a page for another host name is kept apart (its canonical URL names that host)", async ({ request }) => {
    // With TRUST_PROXY=0 (the default) only the Host header names the site; X-Forwarded-* are a client's words.
    const other = { host: "marquee.example" };
    const { second } = await untilHit(request, "/genres", other);
    expect(await second.text()).toContain('href="http://marquee.example/genres"');
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

/** One raw GET (no decoding): the status, headers and bytes as sent. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

test("the page's scripts are sent as brotli or gzip made once at build, decoding to Next's own bytes, immutable", async ({ request, baseURL }) => {
  const html = await (await request.get("/genres")).text();
  const scripts = [...html.matchAll(/<script[^>]+src="(\/_next\/static\/[^"]+\.js[^"]*)"/g)].map((m) => m[1]);
  expect(scripts.length).toBeGreaterThan(2);
  for (const src of scripts) {
    const plain = await rawGet(baseURL + src, { "accept-encoding": "identity" });
    expect(plain.status, src).toBe(200);
    expect(plain.headers["content-encoding"], src).toBeUndefined();

    const br = await rawGet(baseURL + src, { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"], src).toBe("br");
    expect(zlib.brotliDecompressSync(br.body).equals(plain.body), `${src}: brotli copy differs from the file`).toBe(true);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers["content-type"]).toMatch(/^application\/javascript/);
    expect(br.headers["x-content-type-options"]).toBe("nosniff");
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);

    const gz = await rawGet(baseURL + src, { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"], src).toBe("gzip");
    expect(zlib.gunzipSync(gz.body).equals(plain.body), `${src}: gzip copy differs from the file`).toBe(true);
    // Smaller than Next's own gzip of the same file would be is the point; at least smaller than the file.
    expect(br.body.length).toBeLessThan(plain.body.length);

    const again = await rawGet(baseURL + src, { "accept-encoding": "br", "if-none-match": String(br.headers.etag) });
    expect(again.status).toBe(304);
  }
  // Not a file of the build: Next's 404, not ours.
  expect((await rawGet(`${baseURL}/_next/static/chunks/no-such-file.js`, { "accept-encoding": "br" })).status).toBe(404);
});
