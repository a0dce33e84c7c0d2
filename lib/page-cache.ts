/**
 * The page cache, in front of Next in the production server (scripts/server.ts).
 *
 * What it serves: a GET of a public page (home, catalogue, movie, person, character, genre and country indexes,
 * search), as a full HTML document or as the RSC payload of a client navigation or prefetch, to visitors and
 * members alike. Public pages are one document for everyone: they read no cookie, and the viewer's parts (the
 * header's menu, the hearts, the person page's favorites line) are client islands fed by GET /api/viewer. Everything
 * else — the catalogue's `mine=` filter, forms and actions, admin, account, favorites, files, API — goes to Next as
 * before. A miss has Next render the page once, as an anonymous request through this same server (concurrent misses
 * of one page share that render), and keeps the bytes, their headers, and gzip and brotli copies made once; later
 * requests get those bytes. Why in front of Next rather than in proxy.ts: Next compresses every response it sends
 * again, per request, and drops a proxy's Content-Encoding, so a cached page could never be sent precompressed.
 *
 * Navigations are keyed by what Next's answer varies on (its Vary header: the router state tree and the prefetch
 * kind), and answered only when their `_rsc` parameter is the hash of those headers, as Next itself checks.
 *
 * Downstream caches: a cached answer carries `Cache-Control: public, no-cache` and a weak ETag derived from its key
 * (generations, date, variant), so a browser or a CDN may keep it and revalidate; If-None-Match with the current
 * tag is a 304 on any instance, without a render. Whatever Next answers itself keeps Next's `private, no-store`.
 *
 * The CSP nonce is per entry, not per response. A nonce has to be one an injected script cannot know: an entry is
 * immutable, so anything injected into a page arrives with a new render, which has a new nonce.
 *
 * Why it never serves a stale page, on one instance or many: every entry is keyed by the generations in
 * page_generation (moved on at commit by triggers whenever a table public pages show changes: migration 0012) and
 * by today's date (ages, "new releases" and the featured films change daily), read from PostgreSQL on every
 * request. Entries are immutable: two instances may each hold a copy of a page, never two different current ones
 * (apart from renders in flight while a change commits, which are keyed by the generation they started from).
 */
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { createHash } from "node:crypto";
import { computeCacheBustingSearchParam, computeLegacyCacheBustingSearchParam, getBotType } from "@/lib/server/next-internals";
import { getEnv } from "@/lib/env";
import { pickEncoding } from "@/lib/server/content-coding";
import { edgeDatabase } from "@/lib/server/database";

/** Marks the render a miss asks this server for; such a request always goes to Next, never to the cache. */
export const FILL_HEADER = "x-marquee-page-fill";
/** hit | miss | bypass, on every response of the production server (for operators and tests). */
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
/** The one public page that reads the session: the catalogue's "only my favorites / hide them" (`mine=`). */
const PER_USER_QUERY = /(^|&)mine=/;
/**
 * A client navigation's RSC request: what Next's answer depends on (its Vary header: rsc, the router state tree,
 * the prefetch kind). Next-URL matters only for interception routes, which this site has none of (a response that
 * varies on it is never kept); an action (Next-Action) is a POST and never cached.
 */
const RSC_KEY_HEADERS = ["next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch"] as const;
const RSC_QUERY = "_rsc";
const MAX_URL_LENGTH = 2048;
const MAX_ROUTER_STATE_LENGTH = 4096;
const MAX_BODY_BYTES = 4 * 1024 * 1024;
const FILL_TIMEOUT_MS = 30_000;
/** Response headers not kept with an entry: per-response, or set when the entry is sent. */
const DROPPED_HEADERS = new Set(["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "date", "etag", "cache-control", CACHE_HEADER]);
/**
 * What a browser or a CDN may do with a cached page: keep it, and ask again before each use (the ETag makes that a
 * 304 while nothing changed). Every viewer gets the same page, so a shared cache may hold it too.
 */
export const PUBLIC_CACHE_CONTROL = "public, no-cache";

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

type Entry = { status: number; headers: [string, string][]; identity: Buffer; gzip: Buffer | null; br: Buffer | null; bytes: number };
/** What a render produced: an entry to keep, or a response to pass on once (404, errors, huge pages). */
type Rendered = { entry: Entry; keep: boolean };

type State = {
  onTrouble?: () => void;
  /** The build served: part of every key and entity tag (a page names its build's scripts). */
  build: string;
  entries: Map<string, Entry>;
  inflight: Map<string, Promise<Rendered | null>>;
  bytes: number;
  base?: string;
  warned: Map<string, number>;
};
const state: State = { build: "", entries: new Map(), inflight: new Map(), bytes: 0, warned: new Map() };

/**
 * The build this server runs (its build id). Two builds' pages differ (they name their own scripts), so their keys
 * and tags do too: a CDN's copy from one build is never confirmed as current by an instance of another.
 */
export function setPageCacheBuild(buildId: string) {
  state.build = buildId;
}

/** A problem worth a log line: once a minute per kind, so an outage is logged without flooding the log. */
function warn(kind: string, message: string) {
  const now = Date.now();
  if ((state.warned.get(kind) ?? 0) > now - 60_000) return;
  state.warned.set(kind, now);
  console.warn(`[page-cache] ${message}`);
}

const one = (value: string | string[] | undefined): string => (Array.isArray(value) ? value.join(", ") : (value ?? ""));

/** The URL without Next's cache-busting `_rsc` parameter (checked separately: see rscHashMatches). */
function withoutRscQuery(url: string): string {
  const queryAt = url.indexOf("?");
  if (queryAt === -1) return url;
  const kept = url
    .slice(queryAt + 1)
    .split("&")
    .filter((part) => part !== RSC_QUERY && !part.startsWith(`${RSC_QUERY}=`));
  return kept.length ? `${url.slice(0, queryAt)}?${kept.join("&")}` : url.slice(0, queryAt);
}

export type CacheVariant = { variant: string; favoritesDependent: boolean; rsc: boolean };

/**
 * The variant of a request that a cached page may answer, or null when Next must render it for this request.
 * Documents and client navigations (RSC) of public pages alike, for visitors and members alike: public pages read
 * no cookie (the viewer's parts are islands fed by /api/viewer), so the session doesn't change the answer.
 */
export function cacheVariant(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders): CacheVariant | null {
  if (method !== "GET" || !url || url.length > MAX_URL_LENGTH || !url.startsWith("/")) return null;
  if (headers[FILL_HEADER] !== undefined || headers.authorization !== undefined || headers["next-action"] !== undefined) return null;
  const rsc = headers.rsc !== undefined;
  if (rsc && one(headers.rsc) !== "1") return null;
  if (!rsc && RSC_KEY_HEADERS.some((name) => headers[name] !== undefined)) return null;
  if (one(headers["next-router-state-tree"]).length > MAX_ROUTER_STATE_LENGTH) return null;
  const queryAt = url.indexOf("?");
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  if (!CACHEABLE_PATHS.some((pattern) => pattern.test(pathname))) return null;
  const query = queryAt === -1 ? "" : url.slice(queryAt + 1);
  if (PER_USER_QUERY.test(query)) return null;
  // A document never carries _rsc; an RSC request's _rsc is checked against its headers before any answer.
  if (!rsc && /(^|&)_rsc(=|&|$)/.test(query)) return null;
  // What the render reads besides the URL: the host and protocol (canonical and Open Graph URLs when AUTH_URL is
  // unset) and the kind of crawler (Next puts metadata in <head> for crawlers that can't run scripts).
  // With AUTH_URL set, pages ignore the host headers: one entry serves every spelling of the host.
  const hosts = getEnv().AUTH_URL ? ["", "", ""] : [one(headers.host), one(headers["x-forwarded-host"]), one(headers["x-forwarded-proto"])];
  const navigation = rsc ? ["rsc", ...RSC_KEY_HEADERS.map((name) => one(headers[name]))] : ["document"];
  const variant = [...hosts, getBotType(one(headers["user-agent"])) ?? "browser", ...navigation, withoutRscQuery(url)].join("\n");
  return { variant, favoritesDependent: FAVORITES_DEPENDENT.test(pathname), rsc };
}

/**
 * Whether an RSC request's `_rsc` parameter is the hash of its headers, as Next's router computes it (and Next's
 * server checks: a wrong one is a 307 to the right one). The cache answers only requests whose URL names their
 * headers, so a CDN that keys by URL alone can never be handed one navigation's payload under another's URL.
 */
export async function rscHashMatches(url: string, headers: IncomingHttpHeaders): Promise<boolean> {
  const queryAt = url.indexOf("?");
  const actual = queryAt === -1 ? null : new URLSearchParams(url.slice(queryAt + 1)).get(RSC_QUERY);
  // As Next's server reads them (base-server.js): a prefetch kind other than 1-3 counts as none.
  const prefetch = one(headers["next-router-prefetch"]);
  const args = [
    prefetch === "1" || prefetch === "2" || prefetch === "3" ? prefetch : undefined,
    headers["next-router-segment-prefetch"] as string | undefined,
    headers["next-router-state-tree"] as string | undefined,
    headers["next-url"] as string | undefined,
  ] as const;
  const expected = await computeCacheBustingSearchParam(...args);
  // Next wants the parameter even when it hashes nothing (`?_rsc=`).
  if (actual === null) return false;
  return actual === expected || actual === computeLegacyCacheBustingSearchParam(...args);
}

/** The entity tag of a key: the same on every instance, so a revalidation is a 304 wherever it lands. */
export function entityTag(key: string): string {
  return `W/"${createHash("sha256").update(key).digest("base64url").slice(0, 27)}"`;
}

function matchesTag(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = tag.slice(2);
  return header.split(",").some((candidate) => {
    const value = candidate.trim();
    return value === tag || value === bare || value === `W/${bare}`;
  });
}

/** Called when the generations cannot be read (the server then checks whether PostgreSQL is away). */
export function onDatabaseTrouble(listener: () => void) {
  state.onTrouble = listener;
}

/** The generations and date every entry is keyed by, read fresh for every request. */
async function stamps(): Promise<{ base: string; favorites: string } | null> {
  try {
    const [row] = await edgeDatabase()<[{ catalogue: string | null; favorites: string | null; today: string }]>`
      select (select value from page_generation where scope = 'catalogue')::text as catalogue,
             (select value from page_generation where scope = 'favorites')::text as favorites,
             current_date::text as today`;
    if (row?.catalogue == null || row.favorites == null) {
      warn("generations", "page_generation has no rows (migrations not applied?): pages are rendered uncached");
      return null;
    }
    return { base: `${row.catalogue}|${row.today}|${new Date().toISOString().slice(0, 10)}`, favorites: row.favorites };
  } catch (error) {
    state.onTrouble?.();
    warn("database", `cannot read page generations (${(error as Error).message}): pages are rendered uncached`);
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

/** Has Next render the page, through this server, as an anonymous visitor of the same host would see it. */
function render(url: string, incoming: IncomingHttpHeaders, port: number, rsc: boolean): Promise<Rendered | null> {
  const headers: Record<string, string> = {
    host: one(incoming.host) || "localhost",
    accept: rsc ? "*/*" : "text/html",
    "accept-encoding": "identity",
    "user-agent": one(incoming["user-agent"]),
    [FILL_HEADER]: "1",
  };
  const forwarded = ["x-forwarded-host", "x-forwarded-proto", ...(rsc ? ["rsc", ...RSC_KEY_HEADERS, "next-url"] : [])];
  for (const name of forwarded) if (incoming[name] !== undefined) headers[name] = one(incoming[name]);
  return new Promise<Rendered | null>((resolve) => {
    let req: http.ClientRequest;
    try {
      req = http.request({ host: "127.0.0.1", port, method: "GET", path: url, headers, timeout: FILL_TIMEOUT_MS }, (res) => {
        collect(res, rsc).then(resolve, () => resolve(null));
      });
    } catch {
      // A header Node refuses to send on (the client's own host or user-agent): Next renders this one as usual.
      return resolve(null);
    }
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (error) => {
      warn("render", `cannot render through 127.0.0.1:${port} (${error.message}); this request is rendered uncached`);
      resolve(null);
    });
    req.end();
  });
}

/**
 * The rendered response as an entry; kept when it is a whole 200 HTML page (or RSC payload, for a navigation)
 * without cookies, whose answer varies on nothing the key leaves out.
 */
async function collect(res: IncomingMessage, rsc: boolean): Promise<Rendered | null> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (bytes > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  const status = res.statusCode ?? 500;
  const headers: [string, string][] = [];
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined || DROPPED_HEADERS.has(name)) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.push([name, v]);
  }
  const identity = Buffer.concat(chunks);
  const type = one(res.headers["content-type"]);
  const keep =
    status === 200 &&
    (rsc ? type.startsWith("text/x-component") : type.startsWith("text/html")) &&
    !res.headers["set-cookie"] &&
    !/next-url/i.test(one(res.headers.vary));
  // Moderate levels: a miss waits for them (~5 ms each for 600 KB; brotli 9 took 22 ms for 4% less).
  const quality = { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length };
  const [gzipped, brotlied] = keep
    ? await Promise.all([gzip(identity, { level: 6 }).catch(() => null), brotli(identity, { params: quality }).catch(() => null)])
    : [null, null];
  const size = identity.length + (gzipped?.length ?? 0) + (brotlied?.length ?? 0);
  // A response passed on once keeps Next's own Cache-Control (private, no-store); a kept one gets the public one.
  if (!keep) for (const name of ["cache-control", "etag"]) if (res.headers[name] !== undefined) headers.push([name, one(res.headers[name])]);
  return { entry: { status, headers, identity, gzip: gzipped, br: brotlied, bytes: size }, keep };
}

function varyWithEncoding(entry: Entry): string[] {
  const vary = entry.headers.filter(([name]) => name === "vary").map(([, value]) => value);
  if ((entry.gzip || entry.br) && !vary.some((value) => /accept-encoding/i.test(value))) vary.push("Accept-Encoding");
  return vary;
}

function send(req: IncomingMessage, res: ServerResponse, entry: Entry, status: "hit" | "miss", tag: string | null) {
  const encoding = pickEncoding(one(req.headers["accept-encoding"]), { br: entry.br !== null, gzip: entry.gzip !== null });
  const body = encoding === "br" ? entry.br! : encoding === "gzip" ? entry.gzip! : entry.identity;
  for (const [name, value] of entry.headers) if (name !== "vary") res.appendHeader(name, value);
  for (const value of varyWithEncoding(entry)) res.appendHeader("vary", value);
  if (tag) {
    res.setHeader("etag", tag);
    res.setHeader("cache-control", PUBLIC_CACHE_CONTROL);
  }
  if (encoding) res.setHeader("content-encoding", encoding);
  res.setHeader("content-length", body.length);
  res.setHeader(CACHE_HEADER, status);
  res.writeHead(entry.status);
  res.end(body);
}

/** The Vary Next sends with every page, and the compression's. */
const NOT_MODIFIED_VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding";

/** Not modified: the client's copy (a browser's or a CDN's) is the current page. No render, no entry needed. */
function notModified(res: ServerResponse, tag: string) {
  res.setHeader("etag", tag);
  res.setHeader("cache-control", PUBLIC_CACHE_CONTROL);
  res.setHeader("vary", NOT_MODIFIED_VARY);
  res.setHeader(CACHE_HEADER, "revalidated");
  res.writeHead(304);
  res.end();
}

/**
 * Answers the request from the cache (rendering and keeping the page on a miss) and returns true, or returns false
 * when Next must handle it as usual: not a cacheable request, the cache off, or the database or the render
 * unavailable. `port`: where this server listens (a miss renders through it).
 */
export async function servePage(req: IncomingMessage, res: ServerResponse, port: number): Promise<boolean> {
  if (getEnv().MARQUEE_PAGE_CACHE !== "on") return false;
  const variant = cacheVariant(req.method, req.url, req.headers);
  if (!variant) return false;
  // A navigation whose _rsc doesn't match its headers: Next answers it (a 307 to the right URL).
  if (variant.rsc && !(await rscHashMatches(req.url!, req.headers))) return false;
  const stamp = await stamps();
  if (!stamp) return false;
  if (state.base !== stamp.base) {
    // The catalogue changed or a day began: every entry is unreachable now.
    state.entries.clear();
    state.bytes = 0;
    state.base = stamp.base;
  }
  const key = `${state.build}|${stamp.base}|${variant.favoritesDependent ? stamp.favorites : ""}\n${variant.variant}`;
  const tag = entityTag(key);
  if (matchesTag(one(req.headers["if-none-match"]), tag)) {
    notModified(res, tag);
    return true;
  }
  const entry = state.entries.get(key);
  if (entry) {
    state.entries.delete(key);
    state.entries.set(key, entry);
    send(req, res, entry, "hit", tag);
    return true;
  }
  let pending = state.inflight.get(key);
  if (!pending) {
    pending = render(req.url!, req.headers, port, variant.rsc).then((rendered): Rendered | null => {
      // Not when the generation moved on meanwhile (nobody could reach the entry).
      if (rendered?.keep && state.base === stamp.base) remember(key, rendered.entry);
      return rendered;
    });
    state.inflight.set(key, pending);
    void pending.finally(() => state.inflight.delete(key)).catch(() => {});
  }
  const rendered = await pending;
  if (!rendered) return false;
  send(req, res, rendered.entry, "miss", rendered.keep ? tag : null);
  return true;
}
