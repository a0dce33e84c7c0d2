/**
 * Ids, read one way everywhere: forms and calls (lib/validation/ids.ts builds the zod fields on these), URL
 * parameters, route segments, and the edge. No dependencies, so client and edge code can use it.
 */

/** The largest id an integer (int4) column holds: ids beyond it are "not found", never a database error. */
export const MAX_ID = 2_147_483_647;

/**
 * The one reading of a positive whole number from a form, a URL or a call: digits (surrounding spaces allowed) or
 * a JS integer, 1…max. Anything else ("12abc", "-1", "1e3", "0x10", "12.5", 12.5) is null.
 */
export function parseId(raw: unknown, max: number = MAX_ID): number | null {
  if (typeof raw === "number") return Number.isInteger(raw) && raw >= 1 && raw <= max ? raw : null;
  if (typeof raw !== "string") return null;
  const text = raw.trim();
  if (!/^\d{1,10}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= max ? n : null;
}

/** A path segment that is exactly an id (/admin/people/42); anything else (spaces included) is a 404. */
export function parseExactId(segment: string | undefined): number | null {
  return segment !== undefined && /^\d{1,10}$/.test(segment) ? parseId(segment) : null;
}
