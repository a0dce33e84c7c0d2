/**
 * Bodies and headers Next cannot decode are the client's mistake: a 400 (or 413 for a body over the limit), never a
 * 500, and the server goes on serving.
 */
import { expect, test } from "@playwright/test";
import { callAction, findAction } from "./support/server-actions";

const FAVORITE = { file: "app/(account)/favorites/actions.ts", name: "toggleFavoriteAction" };
const SIGN_IN = { file: "app/(auth)/actions.ts", name: "signInAction" };

function multipart(boundary: string, parts: [string, string][], close = true) {
  const body = parts.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("");
  return Buffer.from(body + (close ? `--${boundary}--\r\n` : ""));
}

/** Ways to get a multipart body (or a reply) wrong, each a content type and a body. */
function malformedBodies(seed: number): { contentType: string; body: Buffer }[] {
  const b = `b${seed}`;
  const good = multipart(b, [["_1_movieId", "1"], ["_1_intent", "add"], ["0", '["$K1"]']]);
  const cut = 10 + (seed % (good.length - 20));
  return [
    { contentType: `multipart/form-data; boundary=${b}`, body: good.subarray(0, cut) },
    { contentType: "multipart/form-data", body: good },
    { contentType: `multipart/form-data; boundary=${b}`, body: Buffer.from(`--${b}\r\nnot a header line\r\n\r\nvalue\r\n--${b}--\r\n`) },
    { contentType: `multipart/form-data; boundary=${b}`, body: Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]`) },
    { contentType: `multipart/form-data; boundary=${b}`, body: Buffer.from([...Array(64)].map((_, i) => (seed * 31 + i * 7) % 256)) },
    { contentType: `multipart/form-data; boundary=${b}`, body: multipart(b, [["0", `[{"oops${seed}`]]) },
    { contentType: `multipart/form-data; boundary=${b}`, body: multipart(b, [["0", `["$${(seed % 14) + 2}"]`]]) },
    { contentType: `multipart/form-data; boundary=${b}`, body: multipart(b, [["0", '["$nnot-a-number"]']]) },
    { contentType: "text/plain;charset=UTF-8", body: Buffer.from(`[{"broken":${seed}`) },
    { contentType: "text/plain;charset=UTF-8", body: Buffer.from('["$Q5"]') },
  ];
}

test("a thousand malformed action bodies, with and without an action id, get 400 and the server keeps serving", async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const favorite = findAction(FAVORITE.file, FAVORITE.name);
  const pages = ["/", "/movies", favorite.page, "/sign-in"];
  const statuses = new Map<number, number>();
  let sent = 0;
  for (let seed = 0; sent < 1000; seed++) {
    const batch = malformedBodies(seed).flatMap(({ contentType, body }) => {
      const page = pages[seed % pages.length];
      const withId = request.post(page, { headers: { "content-type": contentType, "next-action": favorite.id, origin }, data: body, maxRedirects: 0 });
      const withoutId = contentType.startsWith("multipart") ? [request.post(page, { headers: { "content-type": contentType }, data: body, maxRedirects: 0 })] : [];
      return [withId, ...withoutId];
    });
    for (const response of await Promise.all(batch)) {
      statuses.set(response.status(), (statuses.get(response.status()) ?? 0) + 1);
      sent++;
    }
  }
  expect([...statuses.keys()].filter((status) => status >= 500), JSON.stringify([...statuses])).toEqual([]);
  expect(statuses.get(400)).toBeGreaterThan(900);

  // Still up, and a real action still works.
  expect((await request.get("/api/health")).status()).toBe(200);
  const ok = await callAction(request, FAVORITE, { movieId: "1", intent: "add", $js: "1" });
  expect(ok.status()).toBe(200);
  expect(await ok.text()).toContain("Sign in to keep favorites.");
});

test("an action posted from another origin is a 403, not a 500, and does nothing", async ({ request }) => {
  const { id, page } = findAction(SIGN_IN.file, SIGN_IN.name);
  const body = multipart("x", [["_1_login", "visitor"], ["_1_password", "marquee-visitor"], ["0", '[{},"$K1"]']]);
  for (const origin of ["https://evil.example", "null", "not a url"]) {
    for (const headers of [{ "next-action": id }, {}] as Record<string, string>[]) {
      const response = await request.post(page, { headers: { ...headers, origin, "content-type": "multipart/form-data; boundary=x" }, data: body, maxRedirects: 0 });
      expect(response.status(), `${origin} ${JSON.stringify(headers)}`).toBe(403);
      expect(response.headers()["set-cookie"] ?? "").not.toContain("session-token");
    }
  }
});

test("an action body over the 10 MB limit is a 413, declared or streamed", async ({ request, baseURL }) => {
  const { id, page } = findAction(SIGN_IN.file, SIGN_IN.name);
  const big = Buffer.alloc(11 * 1024 * 1024, 97);
  const declared = await request.post(page, { headers: { "content-type": "multipart/form-data; boundary=x", "next-action": id }, data: big, maxRedirects: 0 });
  expect(declared.status()).toBe(413);

  // Chunked: no Content-Length to refuse it by, so it is counted as it arrives.
  const streamed = await fetch(new URL(page, baseURL), {
    method: "POST",
    headers: { "content-type": "multipart/form-data; boundary=x", "next-action": id },
    body: new ReadableStream({
      start(controller) {
        for (let i = 0; i < 11; i++) controller.enqueue(new Uint8Array(1024 * 1024).fill(98));
        controller.close();
      },
    }),
    duplex: "half",
  } as RequestInit).catch((error: Error) => error);
  expect(streamed instanceof Error ? streamed.message : streamed.status).toBe(413);
  expect((await request.get("/api/health")).status()).toBe(200);
});

test("a path that is not valid percent-encoding is a 400, not a 500", async ({ request }) => {
  for (const path of ["/movies/%ff", "/people/%e0%a4", "/characters/%c3(", "/files/%ff", "/sitemaps/%ff", "/movies/1-%ZZ"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
  }
  // Valid encodings still reach their pages.
  expect((await request.get("/search?q=%C3%A9t%C3%A9")).status()).toBe(200);
  expect((await request.get("/movies/999999999-%C3%A9")).status()).toBe(404);
});

test("a Host header that is not a host name is a 400, not a 500", async ({ request }) => {
  for (const host of ["%ff", "a b", "exa mple.com:80", "evil.example/x", "[::1"]) {
    const response = await request.get("/genres", { headers: { host }, maxRedirects: 0 });
    expect(response.status(), host).toBe(400);
  }
  for (const host of ["localhost", "marquee.example:8080", "[::1]:3000"]) {
    expect((await request.get("/genres", { headers: { host }, maxRedirects: 0 })).status(), host).toBe(200);
  }
});

test("a router-state header Next cannot parse is a 400 on any page, not a 500", async ({ request, page }) => {
  for (const path of ["/", "/movies", "/genres", "/people", "/search?q=a"]) {
    const deep = encodeURIComponent("[".repeat(1200) + "]".repeat(1200));
    for (const tree of ["garbage", "%7B%22oops", encodeURIComponent(JSON.stringify({ a: 1 })), encodeURIComponent('["",{"children":[1,2]}]'), deep, "%E0%A4%A"]) {
      const headers = { rsc: "1", "next-router-state-tree": tree };
      let response = await request.get(path, { headers, maxRedirects: 0 });
      // Next first redirects an RSC request without the cache-busting _rsc parameter to one with it: follow that.
      const location = response.headers()["location"];
      if (response.status() === 307 && location?.includes("_rsc=")) response = await request.get(location, { headers, maxRedirects: 0 });
      expect(response.status(), `${path} ${tree.slice(0, 20)}`).toBe(400);
    }
  }
  // The header a real client navigation sends still works.
  await page.goto("/");
  const navigation = page.waitForRequest((r) => r.headers()["rsc"] === "1" && r.headers()["next-router-state-tree"] !== undefined);
  await page.locator('header a[href="/movies"]').first().click();
  const real = await navigation;
  const replayed = await request.get(real.url(), { headers: real.headers(), maxRedirects: 0 });
  expect(replayed.status()).toBe(200);
  expect(replayed.headers()["content-type"]).toContain("text/x-component");
});
