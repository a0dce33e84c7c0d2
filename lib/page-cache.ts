/**
 * The anonymous page cache, in front of Next in the production server (scripts/server.ts).
 *
 * What it serves: a visitor's GET of a public page (home, catalogue, movie, person, character, genre and country
 * indexes, search) without a session or any other cookie that could change the page, as a full HTML document (not a
 * client navigation's RSC request). Everybody else — signed-in users, forms, RSC, admin, account, files, API — goes
 * to Next as before. A miss has Next render the page once as an anonymous request through this same server
 * (concurrent misses of one page share that render) and keeps the HTML, its headers, and gzip and brotli copies made
 * once; later visitors get those bytes. Why in front of Next rather than in proxy.ts: Next compresses every response
 * it sends again, per request, and drops a proxy's Content-Encoding, so a cached page could never be sent
 * precompressed (compressing 150–300 KB of HTML per request cost more than the rest of a hit).
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
import { getBotType } from "next/dist/shared/lib/router/utils/is-bot";
import { getEnv } from "@/lib/env";
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
/** Cookies a public page never reads (Auth.js's sign-in bookkeeping). Any other cookie means "let Next render it". */
const HARMLESS_COOKIES = new Set(["authjs.csrf-token", "__Host-authjs.csrf-token", "authjs.callback-url", "__Secure-authjs.callback-url"]);
/** Headers of Next's client navigations and actions: their answers are RSC payloads, never the HTML document. */
const NAVIGATION_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "next-url"];
const MAX_URL_LENGTH = 2048;
const MAX_BODY_BYTES = 4 * 1024 * 1024;
const FILL_TIMEOUT_MS = 30_000;
/** Response headers not kept with an entry: per-response, or set when the entry is sent. */
const DROPPED_HEADERS = new Set(["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "date", CACHE_HEADER]);

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

type Entry = { status: number; headers: [string, string][]; identity: Buffer; gzip: Buffer | null; br: Buffer | null; bytes: number };
/** What a render produced: an entry to keep, or a response to pass on once (404, errors, huge pages). */
type Rendered = { entry: Entry; keep: boolean };

type State = {
  onTrouble?: () => void;
  entries: Map<string, Entry>;
  inflight: Map<string, Promise<Rendered | null>>;
  bytes: number;
  base?: string;
  warned: Map<string, number>;
};
const state: State = { entries: new Map(), inflight: new Map(), bytes: 0, warned: new Map() };

/** A problem worth a log line: once a minute per kind, so an outage is logged without flooding the log. */
function warn(kind: string, message: string) {
  const now = Date.now();
  if ((state.warned.get(kind) ?? 0) > now - 60_000) return;
  state.warned.set(kind, now);
  console.warn(`[page-cache] ${message}`);
}

const one = (value: string | string[] | undefined): string => (Array.isArray(value) ? value.join(", ") : (value ?? ""));

function cookiesAreHarmless(header: string): boolean {
  for (const part of header.split(";")) {
    const name = part.split("=", 1)[0].trim();
    if (name && !HARMLESS_COOKIES.has(name)) return false;
  }
  return true;
}

/** The variant of a request that a cached page may answer, or null when Next must render it for this request. */
export function cacheVariant(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders) {
  if (method !== "GET" || !url || url.length > MAX_URL_LENGTH || !url.startsWith("/")) return null;
  if (headers[FILL_HEADER] !== undefined || headers.authorization !== undefined) return null;
  if (NAVIGATION_HEADERS.some((name) => headers[name] !== undefined)) return null;
  const queryAt = url.indexOf("?");
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  if (!CACHEABLE_PATHS.some((pattern) => pattern.test(pathname))) return null;
  if (queryAt !== -1 && /(^|&)_rsc=/.test(url.slice(queryAt + 1))) return null;
  if (!cookiesAreHarmless(one(headers.cookie))) return null;
  // What the render reads besides the URL: the host and protocol (canonical and Open Graph URLs when AUTH_URL is
  // unset) and the kind of crawler (Next puts metadata in <head> for crawlers that can't run scripts).
  // With AUTH_URL set, pages ignore the host headers: one entry serves every spelling of the host.
  const hosts = getEnv().AUTH_URL ? ["", "", ""] : [one(headers.host), one(headers["x-forwarded-host"]), one(headers["x-forwarded-proto"])];
  const variant = [...hosts, getBotType(one(headers["user-agent"])) ?? "browser", url].join("\n");
  return { variant, favoritesDependent: FAVORITES_DEPENDENT.test(pathname) };
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
function render(url: string, incoming: IncomingHttpHeaders, port: number): Promise<Rendered | null> {
  const headers: Record<string, string> = {
    host: one(incoming.host) || "localhost",
    accept: "text/html",
    "accept-encoding": "identity",
    "user-agent": one(incoming["user-agent"]),
    [FILL_HEADER]: "1",
  };
  for (const name of ["x-forwarded-host", "x-forwarded-proto"]) if (incoming[name] !== undefined) headers[name] = one(incoming[name]);
  return new Promise<Rendered | null>((resolve) => {
    let req: http.ClientRequest;
    try {
      req = http.request({ host: "127.0.0.1", port, method: "GET", path: url, headers, timeout: FILL_TIMEOUT_MS }, (res) => {
        collect(res).then(resolve, () => resolve(null));
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

/** The rendered response as an entry; kept when it is a whole 200 HTML page without cookies. */
async function collect(res: IncomingMessage): Promise<Rendered | null> {
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
  const keep = status === 200 && one(res.headers["content-type"]).startsWith("text/html") && !res.headers["set-cookie"];
  // Moderate levels: a miss waits for them (~5 ms each for 600 KB; brotli 9 took 22 ms for 4% less).
  const quality = { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length };
  const [gzipped, brotlied] = keep
    ? await Promise.all([gzip(identity, { level: 6 }).catch(() => null), brotli(identity, { params: quality }).catch(() => null)])
    : [null, null];
  const size = identity.length + (gzipped?.length ?? 0) + (brotlied?.length ?? 0);
  return { entry: { status, headers, identity, gzip: gzipped, br: brotlied, bytes: size }, keep };
}

/** The coding to send: brotli or gzip when the client takes it (q > 0), else none. */
function pickEncoding(header: string, entry: Entry): "br" | "gzip" | null {
  const accepted = new Map<string, number>();
  for (const token of header.toLowerCase().split(",")) {
    const [coding, ...params] = token.split(";").map((part) => part.trim());
    if (!coding) continue;
    const q = params.find((param) => param.startsWith("q="));
    accepted.set(coding, q ? Number(q.slice(2)) || 0 : 1);
  }
  const takes = (coding: string) => (accepted.get(coding) ?? accepted.get("*") ?? 0) > 0;
  if (entry.br && takes("br")) return "br";
  if (entry.gzip && takes("gzip")) return "gzip";
  return null;
}

function send(req: IncomingMessage, res: ServerResponse, entry: Entry, status: "hit" | "miss") {
  const encoding = pickEncoding(one(req.headers["accept-encoding"]), entry);
  const body = encoding === "br" ? entry.br! : encoding === "gzip" ? entry.gzip! : entry.identity;
  for (const [name, value] of entry.headers) res.appendHeader(name, value);
  if ((entry.gzip || entry.br) && !entry.headers.some(([name, value]) => name === "vary" && /accept-encoding/i.test(value))) {
    res.appendHeader("vary", "Accept-Encoding");
  }
  if (encoding) res.setHeader("content-encoding", encoding);
  res.setHeader("content-length", body.length);
  res.setHeader(CACHE_HEADER, status);
  res.writeHead(entry.status);
  res.end(body);
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
  const stamp = await stamps();
  if (!stamp) return false;
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
    send(req, res, entry, "hit");
    return true;
  }
  let pending = state.inflight.get(key);
  if (!pending) {
    pending = render(req.url!, req.headers, port).then((rendered): Rendered | null => {
      // Not when the generation moved on meanwhile (nobody could reach the entry).
      if (rendered?.keep && state.base === stamp.base) remember(key, rendered.entry);
      return rendered;
    });
    state.inflight.set(key, pending);
    void pending.finally(() => state.inflight.delete(key)).catch(() => {});
  }
  const rendered = await pending;
  if (!rendered) return false;
  send(req, res, rendered.entry, "miss");
  return true;
}
