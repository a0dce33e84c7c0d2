/**
 * The text of a search, cleaned the same way everywhere: by the /search page and the suggestion route (through
 * ./search.ts) and by the header's combobox in the browser (this file alone, so zod stays out of every page's
 * JavaScript). Anything may arrive (10,000 characters, SQL or HTML fragments, broken UTF-8, NUL bytes): never throws.
 */

/** Longer than any title or name in a catalogue; a longer query is cut here (and the page says so). */
export const SEARCH_QUERY_MAX_LENGTH = 100;
/** Up to this many characters a query only matches whole names exactly ("M", "Up", "Q"): too short for trigrams. */
export const SEARCH_SHORT_QUERY_LENGTH = 2;
/** The header suggests from this many characters on. */
export const SUGGEST_MIN_LENGTH = 2;

export type SearchQuery = {
  /** The text searched: cleaned and at most SEARCH_QUERY_MAX_LENGTH characters; "" when there is nothing to search. */
  q: string;
  /** The visitor's text was longer than SEARCH_QUERY_MAX_LENGTH and was cut. */
  truncated: boolean;
  /** Something was typed, but no letter or digit (only punctuation, symbols or broken characters). */
  junk: boolean;
};

const EMPTY: SearchQuery = { q: "", truncated: false, junk: false };

/**
 * Control characters (PostgreSQL rejects NUL), the replacement character left by broken UTF-8 and lone surrogates
 * become spaces; runs of spaces collapse; NFC so "é" typed two ways is one text. Cut by code point, never inside a
 * surrogate pair.
 */
export function normalizeSearchText(raw: string): SearchQuery {
  const clean = raw
    // Lone surrogates (String.prototype.toWellFormed is too recent for some browsers this runs in).
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, " ")
    .replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, " ")
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .trim();
  if (!clean) return EMPTY;
  const chars = Array.from(clean);
  const truncated = chars.length > SEARCH_QUERY_MAX_LENGTH;
  const q = truncated ? chars.slice(0, SEARCH_QUERY_MAX_LENGTH).join("").trim() : clean;
  if (!/[\p{L}\p{N}]/u.test(q)) return { q: "", truncated: false, junk: true };
  return { q, truncated, junk: false };
}

/** Too short for a fuzzy or substring search: such a query only matches whole names exactly. */
export function isShortQuery(q: string): boolean {
  return Array.from(q).length <= SEARCH_SHORT_QUERY_LENGTH;
}
