import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/site-url";

export default async function robots(): Promise<MetadataRoute.Robots> {
  const origin = await siteUrl();
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/api/", "/admin", "/account", "/favorites", "/search"] }],
    sitemap: `${origin}/sitemap.xml`,
  };
}
