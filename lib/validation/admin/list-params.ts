/**
 * Query parameters of the admin lists (/admin/files, /users, /genres, /people, …): anything may arrive in a URL,
 * so each reader falls back to a default instead of failing.
 */

export type ListParams = Record<string, string | string[] | undefined>;

/** The first value of a parameter, or undefined when it is missing or blank. */
export function single(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined || v.trim() === "" ? undefined : v;
}

/** Search text: control characters (PostgreSQL refuses NUL) and broken UTF-8's replacement character become spaces, runs of spaces one, at most `max` characters. */
export function cleanSearch(raw: string | undefined, max: number): string {
  if (!raw) return "";
  return raw
    .replace(/[\u0000-\u001f\u007f\ufffd]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, max)
    .trim();
}

/** `?page=abc`, `?page=-3` → 1; a page past the end is clamped by the query. */
export function parsePage(raw: string | string[] | undefined): number {
  const n = Number(single(raw));
  return Number.isSafeInteger(n) && n >= 1 ? Math.min(n, 1_000_000) : 1;
}

/** The value when it is one of `values`, else null. */
export function oneOf<T extends string>(values: readonly T[], raw: string | undefined): T | null {
  return raw !== undefined && (values as readonly string[]).includes(raw) ? (raw as T) : null;
}
