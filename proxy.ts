import { NextResponse, type NextRequest } from "next/server";
import { filterFormRedirect } from "@/lib/filter-form-redirect";
import { THEME_SCRIPT_CSP } from "@/lib/theme-script-hash";

/**
 * Security headers for every page: a Content-Security-Policy with a per-request nonce (Next applies it to its own
 * scripts; the theme's inline script, lib/theme.ts, is allowed by its hash; no 'unsafe-eval' outside `next dev`),
 * no framing, no MIME sniffing, a strict referrer policy.
 * Authorization is NOT done here: every page, action and route handler checks its caller itself.
 */
export function proxy(request: NextRequest) {
  // A filter form submitted without JavaScript: its empty fields are left out of the URL (lib/filter-form-redirect).
  if (request.method === "GET" && !request.headers.has("rsc")) {
    const target = filterFormRedirect(request.nextUrl.pathname, request.nextUrl.searchParams);
    if (target) return NextResponse.redirect(new URL(target, request.url), 307);
  }
  const nonce = btoa(crypto.randomUUID());
  const dev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' ${THEME_SCRIPT_CSP} 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data: https://*.ufs.sh https://utfs.io",
    "font-src 'self'",
    "connect-src 'self' https://*.ingest.uploadthing.com https://*.ufs.sh https://utfs.io",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // Lets a guard send an anonymous visitor to sign-in and back to the page asked for (layouts don't know it).
  requestHeaders.set("x-marquee-path", request.nextUrl.pathname + request.nextUrl.search);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|files/|favicon.ico|icon.svg|apple-icon.png|api/).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
