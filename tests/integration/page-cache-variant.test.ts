import { describe, expect, it } from "vitest";
import { computeCacheBustingSearchParam } from "@/lib/server/next-internals";
import { cacheVariant, entityTag, rscHashMatches } from "@/lib/page-cache";

// Which requests the page cache may answer (lib/page-cache.ts). The rest go to Next, rendered for the caller.
const visitor = { host: "marquee.example", "user-agent": "Mozilla/5.0 Firefox/140.0", accept: "text/html" };
// A click on a link to a movie page, as Chromium sent it (captured from a real session).
const tree = encodeURIComponent(
  JSON.stringify(["", { children: ["(site)", { children: ["movies", { children: [["id", "112-oppenheimer", "d", null], { children: ["__PAGE__", {}, null, null, 0] }, null, "refetch", 0] }, null, null, 0] }, null, null, 0] }, null, null, 16]),
);
const click = { ...visitor, accept: "*/*", rsc: "1", "next-router-state-tree": tree, "next-url": "/movies" };
const prefetch = { ...visitor, accept: "*/*", rsc: "1", "next-router-prefetch": "1", "next-router-segment-prefetch": "/_tree", "next-url": "/movies" };

describe("cacheVariant", () => {
  it("answers GETs of the public pages", () => {
    for (const url of ["/", "/movies", "/movies?genre=3&page=2", "/movies/42-the-godfather", "/people", "/people/7", "/characters/9-vito", "/genres", "/countries", "/search?q=amelie"]) {
      expect(cacheVariant("GET", url, visitor), url).not.toBeNull();
    }
  });

  it("leaves everything else to Next", () => {
    for (const url of ["/favorites", "/account", "/admin", "/admin/movies", "/sign-in", "/api/ping", "/api/viewer", "/files/abc", "/_next/static/x.js", "/sitemap.xml", "/movies/1/edit"]) {
      expect(cacheVariant("GET", url, visitor), url).toBeNull();
      expect(cacheVariant("GET", url, click), `${url} (navigation)`).toBeNull();
    }
    expect(cacheVariant("POST", "/movies", visitor)).toBeNull();
    expect(cacheVariant("HEAD", "/movies", visitor)).toBeNull();
    expect(cacheVariant("GET", `/search?q=${"x".repeat(3000)}`, visitor)).toBeNull();
  });

  it("leaves the catalogue's per-member filter (mine=only / hide) to Next", () => {
    expect(cacheVariant("GET", "/movies?mine=only", visitor)).toBeNull();
    expect(cacheVariant("GET", "/movies?genre=3&mine=hide", { ...click })).toBeNull();
    expect(cacheVariant("GET", "/movies?genre=3&notmine=1", visitor)).not.toBeNull();
  });

  it("serves members the same page as visitors: public pages read no cookie", () => {
    const base = cacheVariant("GET", "/movies", visitor)!.variant;
    for (const cookie of ["authjs.session-token=abc", "__Secure-authjs.session-token=abc", "marquee_pending_favorite=4", "authjs.csrf-token=x; analytics=1"]) {
      expect(cacheVariant("GET", "/movies", { ...visitor, cookie })!.variant, cookie).toBe(base);
    }
  });

  it("never answers an action, an authorized request or the cache's own render", () => {
    for (const header of ["next-action", "x-marquee-page-fill", "authorization"]) {
      expect(cacheVariant("GET", "/movies", { ...visitor, [header]: "1" }), header).toBeNull();
      expect(cacheVariant("GET", "/movies", { ...click, [header]: "1" }), `${header} (navigation)`).toBeNull();
    }
    // Router headers without RSC: 1, or an RSC value Next doesn't send, or a document with _rsc: not ours to answer.
    expect(cacheVariant("GET", "/movies", { ...visitor, "next-router-state-tree": tree })).toBeNull();
    expect(cacheVariant("GET", "/movies", { ...click, rsc: "2" })).toBeNull();
    expect(cacheVariant("GET", "/movies?_rsc=abc12", visitor)).toBeNull();
    expect(cacheVariant("GET", "/movies", { ...click, "next-router-state-tree": "x".repeat(5000) })).toBeNull();
  });

  it("keeps documents, navigations and prefetches apart, and navigations by what Next's answer varies on", () => {
    const document = cacheVariant("GET", "/movies/112-oppenheimer", visitor)!;
    const navigation = cacheVariant("GET", "/movies/112-oppenheimer?_rsc=abc", click)!;
    const prefetched = cacheVariant("GET", "/movies/112-oppenheimer?_rsc=def", prefetch)!;
    expect(navigation.rsc).toBe(true);
    expect(document.rsc).toBe(false);
    expect(new Set([document.variant, navigation.variant, prefetched.variant]).size).toBe(3);
    // The same click from another page (Next-URL) is the same answer: this site has no interception routes.
    expect(cacheVariant("GET", "/movies/112-oppenheimer?_rsc=xyz", { ...click, "next-url": "/people/3" })!.variant).toBe(navigation.variant);
    // Another router state is another answer.
    expect(cacheVariant("GET", "/movies/112-oppenheimer?_rsc=abc", { ...click, "next-router-state-tree": encodeURIComponent('["",{},null,"metadata-only"]') })!.variant).not.toBe(navigation.variant);
  });

  it("keeps apart what the render reads besides the URL: host, forwarded host and protocol, crawler kind", () => {
    const base = cacheVariant("GET", "/genres", visitor)!.variant;
    expect(cacheVariant("GET", "/genres", { ...visitor, host: "other.example" })!.variant).not.toBe(base);
    expect(cacheVariant("GET", "/genres", { ...visitor, "x-forwarded-proto": "https" })!.variant).not.toBe(base);
    expect(cacheVariant("GET", "/genres", { ...visitor, "user-agent": "facebookexternalhit/1.1" })!.variant).not.toBe(base);
    expect(cacheVariant("GET", "/genres", { ...visitor, "user-agent": "Mozilla/5.0 Chrome/140.0" })!.variant).toBe(base);
    expect(cacheVariant("GET", "/people/7", visitor)!.favoritesDependent).toBe(true);
    expect(cacheVariant("GET", "/movies/7", visitor)!.favoritesDependent).toBe(false);
  });
});

describe("rscHashMatches", () => {
  it("accepts the _rsc Next's router computes for the headers, and nothing else", async () => {
    const hash = await computeCacheBustingSearchParam(undefined, undefined, tree, "/movies");
    expect(await rscHashMatches(`/movies/112-oppenheimer?_rsc=${hash}`, click)).toBe(true);
    expect(await rscHashMatches(`/movies/112-oppenheimer?_rsc=${hash}x`, click)).toBe(false);
    expect(await rscHashMatches("/movies/112-oppenheimer", click)).toBe(false);
    // No router headers at all: the parameter is still required, empty.
    expect(await rscHashMatches("/genres?_rsc=", { rsc: "1" })).toBe(true);
    expect(await rscHashMatches("/genres", { rsc: "1" })).toBe(false);
    // The hash covers Next-URL: the same _rsc sent from another page is a mismatch (Next would 307 it).
    expect(await rscHashMatches(`/movies/112-oppenheimer?_rsc=${hash}`, { ...click, "next-url": "/people/3" })).toBe(false);
    const prefetchHash = await computeCacheBustingSearchParam("1", "/_tree", undefined, "/movies");
    expect(await rscHashMatches(`/?genre=1&_rsc=${prefetchHash}`, prefetch)).toBe(true);
  });
});

describe("entityTag", () => {
  it("is a weak tag, the same for the same key on any instance, another for another key", () => {
    expect(entityTag("a")).toMatch(/^W\/"[\w-]{27}"$/);
    expect(entityTag("a")).toBe(entityTag("a"));
    expect(entityTag("a")).not.toBe(entityTag("b"));
  });
});
