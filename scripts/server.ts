/**
 * The production web server: Next's request handler (the build in MARQUEE_DIST_DIR) behind the checks that belong
 * at the edge and the anonymous page cache (lib/page-cache.ts). `npm start`, the end-to-end tests and the benchmark
 * run it; `npm run dev` runs `next dev`. Listens on PORT (default 3000) on every interface, like `next start`.
 * SIGTERM/SIGINT: stop accepting, finish what is in flight (at most 10 s), exit.
 *
 * Each request, in order:
 *   1. its client address is settled from the socket and TRUST_PROXY (lib/server/forwarding.ts); Next's scripts
 *      and stylesheets are sent from the copies compressed at build (lib/server/static-assets.ts);
 *   2. while PostgreSQL does not answer, a 503 page at once (lib/server/database-availability.ts);
 *   3. a path or router-state header Next cannot decode is a 400; /_next/image serves only files that are public now;
 *   4. GET /api/viewer is answered here (lib/server/viewer-endpoint.ts); a server action's body is read and
 *      checked (400 / 413 for what Next could not decode), then replayed;
 *   5. the page cache, then Next, whose document 5xx pages are replaced by ones readable without JavaScript.
 */
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { projectRoot, readBuildId, readDeploymentId } from "./lib/build.mjs";

// A production server whoever starts it (next start does the same); set before Next and React load.
(process.env as Record<string, string>).NODE_ENV = "production";
const { getEnv } = await import("@/lib/env");
const distDir = getEnv().MARQUEE_DIST_DIR;
// The deployment id the build was made with (Next reads it when it loads its config; every instance of this
// build has the same one, as it has the same build id and server-action key).
const deploymentId = readDeploymentId(distDir);
if (deploymentId) process.env.NEXT_DEPLOYMENT_ID = deploymentId;
const { default: next } = await import("next");
const { parseAndValidateFlightRouterState } = await import("@/lib/server/next-internals");
const { CACHE_HEADER, servePage, onDatabaseTrouble, setPageCacheBuild } = await import("@/lib/page-cache");
const { settleForwarding } = await import("@/lib/server/forwarding");
const { isHostName } = await import("@/lib/host-name");
const { edgeDatabase } = await import("@/lib/server/database");
const { DatabaseAvailability } = await import("@/lib/server/database-availability");
const { isPublicImage } = await import("@/lib/server/image-access");
const { checkActionBody, isPossibleAction } = await import("@/lib/server/action-body");
const { replaceServerErrors, sendErrorPage, wantsDocument } = await import("@/lib/server/error-pages");
const { RefusalLog } = await import("@/lib/server/refusal-log");
const { PrecompressedAssets } = await import("@/lib/server/static-assets");
const { serveViewer } = await import("@/lib/server/viewer-endpoint");

const port = getEnv().PORT;
const trustedHops = getEnv().TRUST_PROXY;

const app = next({ dev: false, dir: projectRoot, port, hostname: "localhost" });
await app.prepare();
const handle = app.getRequestHandler();
setPageCacheBuild(readBuildId(distDir));

const assets = PrecompressedAssets.load(path.join(projectRoot, distDir));
const availability = new DatabaseAvailability(edgeDatabase);
availability.start();
onDatabaseTrouble(() => void availability.probe());
const refusals = new RefusalLog();

/** Paths that never touch PostgreSQL: served even while it is away. */
const WITHOUT_DATABASE = /^\/(_next\/static\/|api\/ping$|favicon\.ico$|icon\.svg$|apple-icon\.png$)/;

function refuse(res: ServerResponse, status: number, message: string) {
  res.statusCode = status;
  res.setHeader("content-type", "text/plain; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.setHeader("x-content-type-options", "nosniff");
  res.end(message + "\n");
}

/** While PostgreSQL is away: the health check keeps its JSON shape, everything else gets the 503 page. */
function unavailable(req: IncomingMessage, res: ServerResponse, pathname: string) {
  if (pathname !== "/api/health") return sendErrorPage(req, res, "unavailable");
  res.writeHead(503, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify({ status: "unavailable", database: "unreachable" }));
}

/**
 * The rest of a refused request's body is read and dropped, so that the client, still sending, gets to read the
 * answer instead of a reset connection (as nginx's lingering close does). Bounded: past 64 MB or 5 s the
 * connection is cut.
 */
function discardBody(req: IncomingMessage) {
  if (req.complete) return;
  let left = 64 * 1024 * 1024;
  const cut = setTimeout(() => req.socket.destroy(), 5_000);
  cut.unref();
  req.on("data", (chunk: Buffer) => {
    left -= chunk.length;
    if (left < 0) req.socket.destroy();
  });
  req.on("end", () => clearTimeout(cut));
  req.on("close", () => clearTimeout(cut));
  req.resume();
}

/** The same request with its body already read: Next reads it again from here. */
function replay(original: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new http.IncomingMessage(original.socket);
  Object.assign(copy, {
    method: original.method,
    url: original.url,
    headers: original.headers,
    rawHeaders: original.rawHeaders,
    httpVersion: original.httpVersion,
    httpVersionMajor: original.httpVersionMajor,
    httpVersionMinor: original.httpVersionMinor,
    complete: true,
  });
  copy.push(body);
  copy.push(null);
  return copy;
}

async function serve(req: IncomingMessage, res: ServerResponse) {
  settleForwarding(req, trustedHops);
  const pathname = (req.url ?? "/").split("?", 1)[0];
  if (pathname.startsWith("/_next/static/") && assets.serve(req, res, pathname)) return;

  if (!availability.available && !WITHOUT_DATABASE.test(pathname)) return unavailable(req, res, pathname);

  // Auth.js and the canonical URLs build URLs from the Host header: one that is not a host name is a 400, as nginx does.
  const host = req.headers.host;
  if (host !== undefined && !isHostName(host)) {
    refusals.note("host", `Host header ${host.slice(0, 100)}`);
    return refuse(res, 400, "Bad request: the Host header is not a host name.");
  }

  // Next decodes dynamic path segments and answers 500 when one is not valid percent-encoding (/movies/%ff).
  try {
    decodeURIComponent(pathname);
  } catch {
    refusals.note("path", `${pathname.slice(0, 100)} is not valid percent-encoding`);
    return sendErrorPage(req, res, "badAddress");
  }

  const routerState = req.headers["next-router-state-tree"];
  if (routerState !== undefined) {
    try {
      parseAndValidateFlightRouterState(routerState);
    } catch (error) {
      refusals.note("router-state", (error as Error).message);
      return refuse(res, 400, "Bad request: the router state header could not be read.");
    }
  }

  // Every member's page view and navigation asks it: answered here, with the route handler's code, without Next.
  if (pathname === "/api/viewer" && req.method === "GET") return serveViewer(req, res);

  if (pathname === "/_next/image") {
    const url = new URLSearchParams((req.url ?? "").slice(pathname.length + 1)).get("url");
    if (!(await isPublicImage(edgeDatabase(), url))) return refuse(res, 404, "Image not found.");
    // Browsers and shared caches ask again before each use (a 304 when nothing changed), so a file made private
    // stops being shown everywhere at once, not when a year-long max-age runs out.
    const setHeader = res.setHeader;
    res.setHeader = function (name: string, value: number | string | readonly string[]) {
      return setHeader.call(res, name, name.toLowerCase() === "cache-control" ? "public, no-cache" : value);
    };
  }

  let request = req;
  if (isPossibleAction(req, pathname)) {
    const verdict = await checkActionBody(req);
    if (verdict === "aborted") return void res.destroy();
    if (!verdict.ok) {
      refusals.note(`action-${verdict.status}`, `${req.method} ${pathname}: ${verdict.reason}`);
      const message = { 400: "Bad request: the form could not be read.", 403: "Forms are accepted from this site only.", 413: "This request is too large." }[verdict.status];
      refuse(res, verdict.status, message);
      discardBody(req);
      return;
    }
    request = replay(req, verdict.body);
  }

  try {
    if (await servePage(request, res, port)) return;
  } catch (error) {
    console.error("[page-cache]", error);
    if (res.headersSent) return void res.destroy();
  }
  res.setHeader(CACHE_HEADER, "bypass");
  if ((request.method === "GET" || request.method === "HEAD") && wantsDocument(request)) {
    replaceServerErrors(request, res, async () => ((await availability.probe()) ? "error" : "unavailable"));
  }
  await handle(request, res);
}

const server = http.createServer((req, res) => {
  serve(req, res).catch(async (error) => {
    // Most likely PostgreSQL went away between the availability check and a query here.
    const up = await availability.probe();
    if (up) console.error("[marquee]", error);
    if (res.headersSent) return void res.destroy();
    sendErrorPage(req, res, up ? "error" : "unavailable");
  });
});
// Longer than a load balancer's idle timeout (often 60 s), so it never reuses a connection we are closing.
server.keepAliveTimeout = 65_000;
server.listen(port, () => console.log(`[marquee] ready on http://localhost:${port}`));

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  availability.stop();
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
