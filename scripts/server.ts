/**
 * The production web server: Next's request handler (the build in MARQUEE_DIST_DIR) behind the anonymous page cache
 * (lib/page-cache.ts). `npm start`, the end-to-end tests and the benchmark run it; `npm run dev` runs `next dev`.
 * Listens on PORT (default 3000) on every interface, like `next start`. SIGTERM/SIGINT: stop accepting, finish
 * what is in flight (at most 10 s), exit.
 */
import http from "node:http";
import path from "node:path";

// A production server whoever starts it (next start does the same); set before Next and React load.
(process.env as Record<string, string>).NODE_ENV = "production";
const { default: next } = await import("next");
const { CACHE_HEADER, servePage } = await import("@/lib/page-cache");

const port = Number(process.env.PORT) || 3000;
const dir = path.resolve(import.meta.dirname, "..");

const app = next({ dev: false, dir, port, hostname: "localhost" });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer(async (req, res) => {
  try {
    if (await servePage(req, res, port)) return;
  } catch (error) {
    console.error("[page-cache]", error);
    if (res.headersSent) return void res.destroy();
  }
  res.setHeader(CACHE_HEADER, "bypass");
  await handle(req, res);
});
// Longer than a load balancer's idle timeout (often 60 s), so it never reuses a connection we are closing.
server.keepAliveTimeout = 65_000;
server.listen(port, () => console.log(`[marquee] ready on http://localhost:${port}`));

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
