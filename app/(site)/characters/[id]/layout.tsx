import { notFound, permanentRedirect } from "next/navigation";
import { getCharacterCanonical } from "@/db/queries/movie-detail";
import { characterHref, parseIdSegment } from "@/lib/slug";

/**
 * The URL check runs here, above this segment's loading.tsx, so that it completes before anything streams: an
 * unknown id gets a real 404 status and another spelling of the id a real 308 to the canonical URL.
 */
export default async function CharacterLayout({ children, params }: LayoutProps<"/characters/[id]">) {
  const { id: segment } = await params;
  const id = parseIdSegment(segment);
  const found = id === null ? null : await getCharacterCanonical(id);
  if (!found) notFound();
  const href = characterHref(found);
  if (`/characters/${segment}` !== href) permanentRedirect(href);
  return children;
}
