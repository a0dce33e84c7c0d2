/**
 * The anonymous page cache, run by proxy.ts in front of the public catalogue's pages.
 *
 * What it serves: a visitor's GET of a public page (home, catalogue, movie, person, character, genre and country
 * indexes, search) without a session or any other cookie that could change the page, as a full HTML document (not a
 * client navigation's RSC request). Everybody else — signed-in users, forms, RSC, admin, account — is rendered as
 * before. A miss renders the page once through this same server as an anonymous request (concurrent misses of one
 * page share that render) and keeps the HTML with its headers; later visitors get those bytes.
 *
 * The CSP nonce is per entry, not per response. A nonce has to be one an injected script cannot know: an entry is
 * immutable, so anything injected into a page arrives with a new render, which has a new nonce. Keeping the bytes
 * whole lets a hit cost one small query and a copy.
 *
 * Why it never serves a stale page, on one instance or many: every entry is keyed by the generations in
 * page_generation (moved on at commit by triggers whenever a table public pages show changes: migration 0012) and
 * by today's date (ages, "new releases" and the featured films change daily), read from PostgreSQL on every
 * request. Entries are immutable: two instances may each hold a copy of a page, never two different current ones
 * (apart from renders in flight while a change commits, which are keyed by the generation they started from).
 */
import http from "node:http";
import postgres from "postgres";
import { NextResponse, type NextRequest } from "next/server";
import { getBotType } from "next/dist/shared/lib/router/utils/is-bot";
import { databaseUrl, getEnv } from "@/lib/env";

/** Marks the render a miss asks this server for; such a request is always rendered, never served from the cache. */
export const FILL_HEADER = "x-marquee-page-fill";
/** hit | miss | bypass, on every page the proxy sees (for operators and tests). */
export const CACHE_HEADER = "x-marquee-cache";

const CACHEABLE_PATHS = [
  /^\/$/,
  /^\/movies$/,
  /^\/movies\/[^/]+$/,
  /^\/people$/,
  /^\/people\/[^/]+$/,
  /^\/characters\/[^/]+$/,
  /^\/genres$/,
  /^\/countries$/,
  /^\/search$/,
];
/** Person pages rank "Known for" by users' favorites: their entries also carry the favorites generation. */
const FAVORITES_DEPENDENT = /^\/people\/[^/]+$/;
/** Cookies a public page never reads (Auth.js's sign-in bookkeeping). Any other cookie means "render it". */
const HARMLESS_COOKIES = new Set(["authjs.csrf-token", "__Host-authjs.csrf-token", "authjs.callback-url", "__Secure-authjs.callback-url"]);
const MAX_URL_LENGTH = 2048;
const MAX_BODY_BYTES = 4 * 1024 * 1024;
const FILL_TIMEOUT_MS = 30_000;
/** Response headers not kept with an entry: per-response or recomputed. */
const DROPPED_HEADERS = new Set(["content-length", "transfer-encoding", "connection", "keep-alive", "date", CACHE_HEADER]);

type Entry = { status: number; headers: [string, string][]; body: Buffer; bytes: number };
/** What a render produced: an entry to keep, or a response to pass on once (404, redirects, errors, huge pages). */
type Rendered = { entry: Entry; keep: boolean };

type State = {
  sql?: postgres.Sql;
  entries: Map<string, Entry>;
  inflight: Map<string, Promise<Rendered | null>>;
  bytes: number;
  base?: string;
  warned: Set<string>;
};
// One per process (module instances of the proxy bundle share it).
const holder = globalThis as unknown as { __marqueePageCache?: State };
const state: State = (holder.__marqueePageCache ??= { entries: new Map(), inflight: new Map(), bytes: 0, warned: new Set() });

function warnOnce(kind: string, message: string) {
  if (state.warned.has(kind)) return;
  state.warned.add(kind);
  console.warn(`[page-cache] ${message}`);
}

function enabled(): boolean {
  const env = getEnv();
  return env.NODE_ENV === "production" && env.MARQUEE_PAGE_CACHE === "on";
}

function cookiesAreHarmless(header: string | null): boolean {
  if (!header) return true;
  for (const part of header.split(";")) {
    const name = part.split("=", 1)[0].trim();
    if (name && !HARMLESS_COOKIES.has(name)) return false;
  }
  return true;
}

/** The variant of a request that a cached page may answer, or null when it must be rendered for this request. */
export function cacheVariant(request: NextRequest): { variant: string; favoritesDependent: boolean } | null {
  if (request.method !== "GET") return null;
  const h = request.headers;
  if (h.has(FILL_HEADER) || h.has("rsc") || h.has("next-action") || h.has("next-router-state-tree") || h.has("authorization")) return null;
  if (request.nextUrl.searchParams.has("_rsc")) return null;
  const { pathname, search } = request.nextUrl;
  if (pathname.length + search.length > MAX_URL_LENGTH) return null;
  if (!CACHEABLE_PATHS.some((pattern) => pattern.test(pathname))) return null;
  if (!cookiesAreHarmless(h.get("cookie"))) return null;
  // What the render reads besides the URL: the host and protocol (canonical and Open Graph URLs when AUTH_URL is
  // unset) and the kind of crawler (Next puts metadata in <head> for crawlers that can't run scripts).
  const variant = [
    h.get("host") ?? "",
    h.get("x-forwarded-host") ?? "",
    h.get("x-forwarded-proto") ?? "",
    getBotType(h.get("user-agent") ?? "") ?? "browser",
    pathname + search,
  ].join("\n");
  return { variant, favoritesDependent: FAVORITES_DEPENDENT.test(pathname) };
}

function database(): postgres.Sql {
  // Its own small pool: the proxy bundle does not share modules with the pages'.
  return (state.sql ??= postgres(databaseUrl(), { max: 2, idle_timeout: 60, connect_timeout: 5, onnotice: () => {} }));
}

/** The generations and date every entry is keyed by, read fresh for every request. */
async function stamps(): Promise<{ base: string; favorites: string } | null> {
  try {
    const [row] = await database()<[{ catalogue: string | null; favorites: string | null; today: string }]>`
      select (select value from page_generation where scope = 'catalogue')::text as catalogue,
             (select value from page_generation where scope = 'favorites')::text as favorites,
             current_date::text as today`;
    if (row?.catalogue == null || row.favorites == null) {
      warnOnce("generations", "page_generation has no rows (migrations not applied?): pages are rendered uncached");
      return null;
    }
    return { base: `${row.catalogue}|${row.today}|${new Date().toISOString().slice(0, 10)}`, favorites: row.favorites };
  } catch (error) {
    warnOnce("database", `cannot read page generations (${(error as Error).message}): pages are rendered uncached`);
    return null;
  }
}

function remember(key: string, entry: Entry) {
  const limit = getEnv().MARQUEE_PAGE_CACHE_MB * 1024 * 1024;
  if (entry.bytes > limit) return;
  const previous = state.entries.get(key);
  if (previous) state.bytes -= previous.bytes;
  state.entries.set(key, entry);
  state.bytes += entry.bytes;
  // Least recently used first (a hit moves its entry to the end).
  for (const [oldKey, old] of state.entries) {
    if (state.bytes <= limit) break;
    state.entries.delete(oldKey);
    state.bytes -= old.bytes;
  }
}

function internalOrigin(): { host: string; port: number } {
  // `next start` records the port it listens on in PORT (also when it picked it itself).
  return { host: "127.0.0.1", port: Number(process.env.PORT) || 3000 };
}

/** Renders the page through this server as an anonymous visitor of the same host would see it. */
function render(request: NextRequest): Promise<Rendered | null> {
  const h = request.headers;
  const headers: Record<string, string> = {
    host: h.get("host") ?? "localhost",
    accept: "text/html",
    "accept-encoding": "identity",
    "user-agent": h.get("user-agent") ?? "",
    [FILL_HEADER]: "1",
  };
  for (const name of ["x-forwarded-host", "x-forwarded-proto"]) {
    const value = h.get(name);
    if (value !== null) headers[name] = value;
  }
  const { host, port } = internalOrigin();
  return new Promise((resolve) => {
    const req = http.request(
      { host, port, method: "GET", path: request.nextUrl.pathname + request.nextUrl.search, headers, timeout: FILL_TIMEOUT_MS },
      (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on("data", (chunk: Buffer) => {
          bytes += chunk.length;
          chunks.push(chunk);
        });
        res.on("error", () => resolve(null));
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          const status = res.statusCode ?? 500;
          const kept: [string, string][] = [];
          for (const [name, value] of Object.entries(res.headers)) {
            if (value === undefined || DROPPED_HEADERS.has(name)) continue;
            for (const v of Array.isArray(value) ? value : [value]) {
              // Next's compression adds its own "Vary: Accept-Encoding" to the response a hit becomes.
              const cleaned = name === "vary" ? v.split(",").map((t) => t.trim()).filter((t) => t && t.toLowerCase() !== "accept-encoding").join(", ") : v;
              if (cleaned) kept.push([name, cleaned]);
            }
          }
          const contentType = String(res.headers["content-type"] ?? "");
          const keep = status === 200 && contentType.startsWith("text/html") && !res.headers["set-cookie"] && bytes <= MAX_BODY_BYTES;
          resolve({ entry: { status, headers: kept, body, bytes: body.length }, keep });
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (error) => {
      warnOnce("render", `cannot render through ${host}:${port} (${error.message}); this request is rendered uncached`);
      resolve(null);
    });
    req.end();
  });
}

function respond(entry: Entry, status: "hit" | "miss"): NextResponse {
  const headers = new Headers();
  for (const [name, value] of entry.headers) headers.append(name, value);
  headers.set(CACHE_HEADER, status);
  return new NextResponse(new Uint8Array(entry.body.buffer as ArrayBuffer, entry.body.byteOffset, entry.body.length), { status: entry.status, headers });
}

/**
 * The cached page for this request (rendering and keeping it on a miss), or null when the request must be rendered
 * as usual: not a cacheable request, cache off, or the database or the internal render unavailable.
 */
export async function cachedPage(request: NextRequest): Promise<NextResponse | null> {
  if (!enabled()) return null;
  const variant = cacheVariant(request);
  if (!variant) return null;
  const stamp = await stamps();
  if (!stamp) return null;
  if (state.base !== stamp.base) {
    // The catalogue changed or a day began: every entry is unreachable now.
    state.entries.clear();
    state.bytes = 0;
    state.base = stamp.base;
  }
  const key = `${stamp.base}|${variant.favoritesDependent ? stamp.favorites : ""}\n${variant.variant}`;
  const entry = state.entries.get(key);
  if (entry) {
    state.entries.delete(key);
    state.entries.set(key, entry);
    return respond(entry, "hit");
  }
  let pending = state.inflight.get(key);
  if (!pending) {
    pending = render(request).then((rendered) => {
      // Not when the generation moved on meanwhile (nobody could reach the entry).
      if (rendered?.keep && state.base === stamp.base) remember(key, rendered.entry);
      return rendered;
    });
    state.inflight.set(key, pending);
    void pending.finally(() => state.inflight.delete(key));
  }
  const rendered = await pending;
  if (!rendered) return null;
  // A redirect (another spelling of a page's URL) is rendered again the usual way: Next only accepts absolute
  // Location headers from a proxy's own response, and the pages answer with relative ones.
  if (rendered.entry.status >= 300 && rendered.entry.status < 400) return null;
  return respond(rendered.entry, "miss");
}
