import { describe, expect, it } from "vitest";
import { cacheVariant } from "@/lib/page-cache";

// Which requests the page cache may answer (lib/page-cache.ts). The rest go to Next, rendered for the caller.
const visitor = { host: "marquee.example", "user-agent": "Mozilla/5.0 Firefox/140.0", accept: "text/html" };

describe("cacheVariant", () => {
  it("answers visitors' GETs of the public pages", () => {
    for (const url of ["/", "/movies", "/movies?genre=3&page=2", "/movies/42-the-godfather", "/people", "/people/7", "/characters/9-vito", "/genres", "/countries", "/search?q=amelie"]) {
      expect(cacheVariant("GET", url, visitor), url).not.toBeNull();
    }
  });

  it("leaves everything else to Next", () => {
    for (const url of ["/favorites", "/account", "/admin", "/admin/movies", "/sign-in", "/api/ping", "/files/abc", "/_next/static/x.js", "/sitemap.xml", "/movies/1/edit"]) {
      expect(cacheVariant("GET", url, visitor), url).toBeNull();
    }
    expect(cacheVariant("POST", "/movies", visitor)).toBeNull();
    expect(cacheVariant("HEAD", "/movies", visitor)).toBeNull();
    expect(cacheVariant("GET", `/search?q=${"x".repeat(3000)}`, visitor)).toBeNull();
  });

  it("never answers a client navigation, an action or the cache's own render", () => {
    for (const header of ["rsc", "next-router-state-tree", "next-router-prefetch", "next-action", "x-marquee-page-fill"]) {
      expect(cacheVariant("GET", "/movies", { ...visitor, [header]: "1" }), header).toBeNull();
    }
    expect(cacheVariant("GET", "/movies?_rsc=abc12", visitor)).toBeNull();
  });

  it("steps aside for any cookie a page could read (a session, a pending favorite, anything unknown)", () => {
    expect(cacheVariant("GET", "/movies", { ...visitor, cookie: "authjs.session-token=abc" })).toBeNull();
    expect(cacheVariant("GET", "/movies", { ...visitor, cookie: "__Secure-authjs.session-token=abc" })).toBeNull();
    expect(cacheVariant("GET", "/movies", { ...visitor, cookie: "marquee_pending_favorite=4" })).toBeNull();
    expect(cacheVariant("GET", "/movies", { ...visitor, cookie: "authjs.csrf-token=x; analytics=1" })).toBeNull();
    // Auth.js's sign-in bookkeeping changes no page.
    expect(cacheVariant("GET", "/movies", { ...visitor, cookie: "authjs.csrf-token=x; authjs.callback-url=%2F" })).not.toBeNull();
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
