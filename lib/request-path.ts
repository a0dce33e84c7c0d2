import "server-only";
import { headers } from "next/headers";
import { safeCallbackPath } from "@/lib/validation/account";

/**
 * The path and query of this request as proxy.ts saw it (layouts are not given either): for coming back after
 * sign-in, and for keeping the query string across a canonical redirect. Only same-origin paths.
 */
export async function requestPath(): Promise<string> {
  // Set by proxy.ts; the production server drops a client's own copy, and this keeps it on the site regardless.
  return safeCallbackPath((await headers()).get("x-marquee-path") ?? "/");
}

/** Whether the browser reached the site over HTTPS (Next sets X-Forwarded-Proto; a trusted proxy may): for cookies' Secure flag. */
export async function requestIsHttps(): Promise<boolean> {
  return (await headers()).get("x-forwarded-proto") === "https";
}

/** `href` with this request's query string (e.g. a filmography's sort survives the redirect to the canonical URL). */
export async function withRequestQuery(href: string): Promise<string> {
  const path = await requestPath();
  const query = path.indexOf("?");
  return query === -1 ? href : href + path.slice(query);
}
