/**
 * Public URLs start with the numeric id; a readable slug may follow (/movies/42-the-godfather). Any other
 * spelling of the same id redirects to the canonical one.
 */
import { parseId } from "@/lib/ids";

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
}

export function idSegment(id: number, name: string): string {
  const slug = slugify(name);
  return slug ? `${id}-${slug}` : String(id);
}

/** The id a path segment starts with, or null when it does not start with a positive 32-bit integer. */
export function parseIdSegment(segment: string): number | null {
  const match = /^(\d{1,10})(?:-|$)/.exec(decodeURIComponentSafe(segment));
  if (!match) return null;
  return parseId(match[1]);
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export const movieHref = (m: { id: number; title: string }) => `/movies/${idSegment(m.id, m.title)}`;
export const personHref = (p: { id: number; name: string }) => `/people/${idSegment(p.id, p.name)}`;
export const characterHref = (c: { id: number; name: string }) => `/characters/${idSegment(c.id, c.name)}`;
