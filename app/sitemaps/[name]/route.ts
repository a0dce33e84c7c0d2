import { getSitemapChunk, getSitemapCounts, SITEMAP_CHUNK, type SitemapKind } from "@/db/queries/sitemap";
import { characterHref, movieHref, personHref } from "@/lib/slug";
import { siteUrl } from "@/lib/site-url";
import { escapeXml, xmlResponse } from "@/lib/sitemap-xml";

const STATIC_PATHS = ["/", "/movies", "/people", "/genres", "/countries"];
const hrefs: Record<SitemapKind, (e: { id: number; name: string }) => string> = {
  movies: (e) => movieHref({ id: e.id, title: e.name }),
  people: personHref,
  characters: characterHref,
};

function notFound() {
  return new Response("Sitemap not found.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** One sitemap of the index: /sitemaps/static.xml or /sitemaps/<movies|people|characters>-<n>.xml. */
export async function GET(_request: Request, ctx: RouteContext<"/sitemaps/[name]">) {
  const { name } = await ctx.params;
  const origin = await siteUrl();
  const url = (path: string, lastmod?: Date) =>
    `  <url><loc>${escapeXml(origin + path)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ""}</url>`;
  if (name === "static.xml") {
    return xmlResponse(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${STATIC_PATHS.map((p) => url(p)).join("\n")}\n</urlset>\n`);
  }
  const match = /^(movies|people|characters)-(\d{1,6})\.xml$/.exec(name);
  if (!match) return notFound();
  const kind = match[1] as SitemapKind;
  const chunk = Number(match[2]);
  const counts = await getSitemapCounts();
  if (chunk >= Math.ceil(counts[kind] / SITEMAP_CHUNK)) return notFound();
  const entries = await getSitemapChunk(kind, chunk);
  const body = entries.map((e) => url(hrefs[kind](e), new Date(e.updated_at))).join("\n");
  return xmlResponse(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`);
}
