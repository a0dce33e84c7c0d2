/**
 * The client's address for per-address throttling: the first X-Forwarded-For entry (set by Next's server and by
 * proxies in front of it), else X-Real-IP. Behind a proxy that does not overwrite X-Forwarded-For, a client can
 * choose this value; the per-account counter still holds.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const address = forwarded || headers.get("x-real-ip")?.trim() || "unknown";
  return address.slice(0, 64);
}
