import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { db } from "../index";

/**
 * What the query files share: who runs a statement, id lists as one parameter, the search-key matches the trigram
 * indexes answer, sorts on nullable keys that b-trees serve, and PostgreSQL's errors by SQLSTATE.
 */

/** What runs a statement: the app's database or a transaction of it. */
export type Executor = Pick<typeof db, "execute">;

/**
 * An int[] as one parameter (`$1::int[]` with the text '{1,2,3}'): Drizzle would spread a JS array into a list of
 * parameters, and one statement text whatever the length is one prepared statement.
 */
export function intArray(ids: readonly number[]): SQL {
  return sql`${`{${ids.map((id) => Math.trunc(id)).join(",")}}`}::int[]`;
}

// ---------------------------------------------------------------------------------------------------------------
// Search: `key` is a marquee_search_key(...) expression, exactly that of a GIN trigram index (movie_title_trgm_idx,
// person_name_trgm_idx, character_name_trgm_idx, ...), so accents and case are ignored and the index answers.
// ---------------------------------------------------------------------------------------------------------------

/** `\`, `%` and `_` are wildcards (or the escape) in LIKE: a search for "50%" means those characters. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

const searchKeyOf = (text: string): SQL => sql`marquee_search_key(${escapeLike(text)}::text)`;

/** The text anywhere in the key ("almodovar" finds Almodóvar). */
export function searchKeyContains(key: SQL, text: string): SQL {
  return sql`${key} like '%' || ${searchKeyOf(text)} || '%'`;
}

/**
 * The text anywhere in the key from 3 characters on, else at the start of a word ("jo" finds John and Jones, not
 * Pirjo; "M", "Up"). Both forms have trigrams, so the index answers; a 1-2 character substring has none and would
 * read every row.
 */
export function searchKeyMatches(key: SQL, text: string): SQL {
  if ([...text].length > 2) return searchKeyContains(key, text);
  const word = searchKeyOf(text);
  return sql`(${key} like ${word} || '%' or ${key} like '% ' || ${word} || '%')`;
}

// ---------------------------------------------------------------------------------------------------------------
// Sorts
// ---------------------------------------------------------------------------------------------------------------

export type SortDirection = "asc" | "desc";

/** One ordered walk of a sort: its rows, the sort keys it selects, and its order (an index's). */
export type SortBranch = { where: SQL; keys: SQL; order: SQL };

/**
 * A sort on a nullable column, rows without a value last in both directions, as two branches that each walk an
 * index in order and can stop after offset + limit rows: `key is not null order by key, id` is served by the key's
 * b-tree either way round; `order by key desc nulls last` is not, and would sort every row. Both branches select the
 * key as `k` (and `thenBy`'s columns); the caller merges them (union all) and orders the merge by `outer`, which
 * repeats each branch's order, so pages never overlap or skip a row. Rows without a value are ordered by `thenBy`
 * (ascending either way, e.g. names), then by `id` in `dir`.
 */
export function nullsLastSort({
  key,
  type,
  id,
  dir,
  thenBy = [],
}: {
  key: SQL;
  /** The key's SQL type, for the null of the second branch. */
  type: string;
  id: SQL;
  dir: SortDirection;
  thenBy?: { column: SQL; as: string; type: string }[];
}): { present: SortBranch; absent: SortBranch; outer: SQL } {
  const d = sql.raw(dir);
  const extra = (select: (c: (typeof thenBy)[number]) => SQL) => sql.join(thenBy.map((c) => sql`, ${select(c)} as ${sql.raw(c.as)}`));
  const ascending = (names: SQL[]) => sql.join(names.map((name) => sql`${name} asc, `));
  return {
    present: {
      where: sql`${key} is not null`,
      keys: sql`${key} as k${extra((c) => sql.raw(`null::${c.type}`))}`,
      order: sql`${key} ${d}, ${id} ${d}`,
    },
    absent: {
      where: sql`${key} is null`,
      keys: sql`${sql.raw(`null::${type}`)} as k${extra((c) => c.column)}`,
      order: sql`${ascending(thenBy.map((c) => c.column))}${id} ${d}`,
    },
    outer: sql`k ${d} nulls last, ${ascending(thenBy.map((c) => sql.raw(c.as)))}id ${d}`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL errors
// ---------------------------------------------------------------------------------------------------------------

/** The SQLSTATEs queries answer instead of failing (PostgreSQL's errcodes appendix). */
export const SQLSTATE = {
  restrictViolation: "23001",
  foreignKeyViolation: "23503",
  uniqueViolation: "23505",
} as const;

/**
 * The SQLSTATE and constraint of the PostgreSQL error in `error` or its causes: Drizzle wraps the driver's error
 * (a DrizzleQueryError whose `cause` it is). Null for anything else.
 */
export function pgError(error: unknown): { code: string; constraint: string | undefined } | null {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && e !== null && typeof e === "object"; depth++) {
    const { code, constraint_name } = e as { code?: unknown; constraint_name?: unknown };
    if (typeof code === "string") return { code, constraint: typeof constraint_name === "string" ? constraint_name : undefined };
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

export function isUniqueViolation(error: unknown): boolean {
  return pgError(error)?.code === SQLSTATE.uniqueViolation;
}

/**
 * A save refused for its references: `unknown` fields whose ids named nothing at the check (tampered, or deleted
 * before), or the field a foreign key `raced` (deleted between the check and the write). Nothing was written; the
 * action words it.
 */
export type ReferenceRefusal<Field extends string> = { unknown: Field[] } | { raced: Field };

/** A write refers to a row that does not exist (deleted meanwhile). */
export function isForeignKeyViolation(error: unknown): boolean {
  return pgError(error)?.code === SQLSTATE.foreignKeyViolation;
}

/**
 * A reference PostgreSQL refused either way: to a row that is gone, or to a row being deleted (RESTRICT says 23001,
 * NO ACTION 23503).
 */
export function isReferenceViolation(error: unknown): boolean {
  const code = pgError(error)?.code;
  return code === SQLSTATE.restrictViolation || code === SQLSTATE.foreignKeyViolation;
}
