import { getSitemapCounts, SITEMAP_CHUNK, type SitemapKind } from "@/db/queries/sitemap";
import { siteUrl } from "@/lib/site-url";
import { escapeXml, xmlResponse } from "@/lib/sitemap-xml";

/** The sitemap index: the static pages, then movies, people and characters in chunks of 10,000 URLs. */
export async function GET() {
  const [origin, counts] = await Promise.all([siteUrl(), getSitemapCounts()]);
  const names = ["static"];
  for (const kind of ["movies", "people", "characters"] as SitemapKind[]) {
    for (let i = 0; i < Math.ceil(counts[kind] / SITEMAP_CHUNK); i++) names.push(`${kind}-${i}`);
  }
  const entries = names.map((n) => `  <sitemap><loc>${escapeXml(`${origin}/sitemaps/${n}.xml`)}</loc></sitemap>`).join("\n");
  return xmlResponse(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</sitemapindex>\n`);
}
