import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";
import { isHostName } from "@/lib/host-name";

/**
 * The site's public origin (https://example.com), for absolute URLs in metadata, JSON-LD and sitemaps:
 * AUTH_URL when configured, otherwise the request's host and protocol (behind a proxy: x-forwarded-*).
 */
export async function siteUrl(): Promise<string> {
  const configured = getEnv().AUTH_URL;
  if (configured) return new URL(configured).origin;
  const h = await headers();
  const claimed = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host") || "";
  // A Host header is the client's word: only a plain host[:port] is echoed (set AUTH_URL in production).
  const host = isHostName(claimed) ? claimed.toLowerCase() : "localhost";
  const forwardedProto = h.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https";
  return `${proto}://${host}`;
}

/** An absolute URL for a path or an already absolute URL (UploadThing's CDN). */
export async function absoluteUrl(pathOrUrl: string): Promise<string> {
  if (/^https?:\/\//.test(pathOrUrl)) return pathOrUrl;
  return `${await siteUrl()}${pathOrUrl.startsWith("/") ? "" : "/"}${pathOrUrl}`;
}
