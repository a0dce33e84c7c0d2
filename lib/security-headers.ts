/**
 * Headers sent with every response, files and API included: by Next (next.config.ts `headers()`), and by the
 * production server for what it answers itself (precompressed scripts). The CSP comes from proxy.ts, per request.
 */
export const SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), browsing-topics=()" },
];
