import { isIP } from "node:net";

/**
 * The client's address, for per-address throttling. The production server (scripts/server.ts) decides it once per
 * request from the socket and TRUST_PROXY (see forwardedFor below) and hands Next a single X-Forwarded-For entry
 * holding it, replacing whatever the client sent; this reads that entry. Under `next dev` (no server of ours in
 * front) Next keeps a client's own X-Forwarded-For, so there the value can be chosen by the client.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || "unknown").slice(0, 64);
}

/** "::ffff:127.0.0.1" and "127.0.0.1" are one client. */
function normalize(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\](:\d+)?$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return (mapped ? mapped[1] : trimmed).toLowerCase();
}

/**
 * Who the client is, as Express's `trust proxy = hops` decides it: the socket's peer, then the X-Forwarded-For
 * entries from right (nearest) to left; the first `hops` of that chain are trusted proxies, and the address after
 * them is the client. With hops = 0 the header is ignored entirely (nothing sits in front to overwrite it, so a
 * client could write anything there). An entry that is not an IP address ends the chain: nothing left of it can be
 * believed either.
 */
export function forwardedFor(socketAddress: string | undefined, header: string | string[] | undefined, hops: number): string {
  const peer = socketAddress ? normalize(socketAddress) : "unknown";
  if (hops <= 0 || header === undefined) return peer;
  const entries = (Array.isArray(header) ? header.join(",") : header).split(",").map(normalize).filter(Boolean);
  let client = peer;
  for (let i = 0; i < hops && entries.length > 0; i++) {
    const next = entries.pop()!;
    if (!isIP(next)) break;
    client = next;
  }
  return client;
}
