import { notFound, permanentRedirect } from "next/navigation";
import { withRequestQuery } from "@/lib/request-path";
import { getCharacterCanonical } from "@/db/queries/movie-detail";
import { characterHref, parseIdSegment } from "@/lib/slug";

/**
 * The URL check runs here, in the layout, so that it completes before anything streams: an unknown id gets a real
 * 404 status and another spelling of the id a real 308 to the canonical URL, query string kept.
 */
export default async function CharacterLayout({ children, params }: LayoutProps<"/characters/[id]">) {
  const { id: segment } = await params;
  const id = parseIdSegment(segment);
  const found = id === null ? null : await getCharacterCanonical(id);
  if (!found) notFound();
  const href = characterHref(found);
  if (`/characters/${segment}` !== href) permanentRedirect(await withRequestQuery(href));
  return children;
}
