import { NextResponse, type NextRequest } from "next/server";
import { CACHE_HEADER, cachedPage } from "@/lib/page-cache";

/**
 * Security headers for every page: a Content-Security-Policy with a per-request nonce (Next applies it to its own
 * scripts; no 'unsafe-eval' outside `next dev`), no framing, no MIME sniffing, a strict referrer policy.
 * Public pages for visitors come from the anonymous page cache when it has them (lib/page-cache.ts).
 * Authorization is NOT done here: every page, action and route handler checks its caller itself.
 */
export async function proxy(request: NextRequest) {
  // A visitor's public page from the anonymous page cache (lib/page-cache.ts).
  const cached = await cachedPage(request);
  if (cached) return cached;

  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // Lets a guard send an anonymous visitor to sign-in and back to the page asked for (layouts don't know it).
  const path = new URL(request.nextUrl);
  path.searchParams.delete("_rsc"); // a client navigation's cache buster (the proxy sees it: skipProxyUrlNormalize)
  requestHeaders.set("x-marquee-path", path.pathname + path.search);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  response.headers.set(CACHE_HEADER, "bypass");
  return response;
}

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data: https://*.ufs.sh https://utfs.io",
    "font-src 'self'",
    "connect-src 'self' https://*.ingest.uploadthing.com https://*.ufs.sh https://utfs.io",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|files/|favicon.ico|api/).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
