/**
 * What the production server (scripts/server.ts) believes about where a request came from, decided once at the edge
 * before the page cache or Next see the request. Node only: no "server-only" (tsx runs this outside Next's bundle).
 */
import type { IncomingMessage } from "node:http";
import { forwardedFor } from "@/lib/client-address";

/** Headers only a trusted proxy may set; with TRUST_PROXY=0 a client's own values are dropped. */
const PROXY_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];
/** Headers proxy.ts sets for pages from the request it saw; a client's own copies never reach Next. */
const INTERNAL_HEADERS = ["x-marquee-path", "x-nonce"];

/**
 * Rewrites the request's forwarding headers in place: X-Forwarded-For becomes the one client address that
 * TRUST_PROXY allows (Next, Auth.js and the sign-in throttle read it), the proxy headers go when no proxy is
 * trusted, and the internal headers go always.
 */
export function settleForwarding(req: IncomingMessage, trustedHops: number): string {
  const client = forwardedFor(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedHops);
  req.headers["x-forwarded-for"] = client;
  if (trustedHops === 0) for (const name of PROXY_HEADERS) delete req.headers[name];
  for (const name of INTERNAL_HEADERS) delete req.headers[name];
  return client;
}
