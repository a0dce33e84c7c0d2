/**
 * The `q` of /search and /api/search/suggest, parsed with zod: absent, given once or repeated, any text. Parsing
 * never throws; see ./search-text.ts for what is cleaned.
 */
import { z } from "zod";
import { normalizeSearchText, type SearchQuery } from "./search-text";

export * from "./search-text";

const EMPTY: SearchQuery = { q: "", truncated: false, junk: false };

/** A query-string value as Next gives it: absent, once, or repeated (the first one counts). */
export const searchQuerySchema = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value): SearchQuery => {
    const first = Array.isArray(value) ? value[0] : value;
    return first === undefined ? EMPTY : normalizeSearchText(first);
  })
  .catch(EMPTY);

export function parseSearchQuery(value: unknown): SearchQuery {
  return searchQuerySchema.parse(value);
}
