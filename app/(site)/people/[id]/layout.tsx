import { notFound, permanentRedirect } from "next/navigation";
import { withRequestQuery } from "@/lib/request-path";
import { getPersonDetail } from "@/db/queries/people";
import { parseIdSegment, personHref } from "@/lib/slug";

/**
 * The URL check runs here, in the layout, so it completes before the page streams: a non-numeric or unknown id
 * gets a real 404, another spelling of the id a real 308 to the canonical URL, query string kept.
 * (getPersonDetail is cached per request: the page reuses this statement.)
 */
export default async function PersonLayout({ children, params }: LayoutProps<"/people/[id]">) {
  const { id: segment } = await params;
  const id = parseIdSegment(segment);
  const person = id === null ? null : await getPersonDetail(id);
  if (!person) notFound();
  const href = personHref(person);
  if (decodeSegment(segment) !== href.slice("/people/".length)) permanentRedirect(await withRequestQuery(href));
  return children;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
