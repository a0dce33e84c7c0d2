import "server-only";
import { sql } from "drizzle-orm";
import { db } from "../../index";

/** The admin dashboard's counts and recently edited lists (the data-quality queues are in quality.ts). */

export const COUNTED_TABLES = [
  { key: "movies", table: "movie", label: "Films", href: "/admin/movies" },
  { key: "people", table: "person", label: "People", href: "/admin/people" },
  { key: "characters", table: "character_", label: "Characters", href: "/admin/characters" },
  { key: "genres", table: "genres", label: "Genres", href: "/admin/genres" },
  { key: "countries", table: "countries", label: "Countries", href: "/admin/countries" },
  { key: "files", table: "file_", label: "Files", href: "/admin/files" },
  { key: "users", table: "user_", label: "Users", href: "/admin/users" },
] as const;

export type CountKey = (typeof COUNTED_TABLES)[number]["key"];
export type AdminCount = { key: CountKey; label: string; href: string; count: number; estimated: boolean };

/** Above this many rows (by PostgreSQL's estimate) a count is the estimate itself: an exact one is a full scan. */
export const EXACT_COUNT_LIMIT = 50_000;

/**
 * Every table's size in one statement: exact while a table is small, else pg_class.reltuples, which ANALYZE and
 * autovacuum keep current and which is the same on every instance (as getCatalogueCounts does for the home page).
 * A table never analyzed has reltuples -1, so it is counted exactly.
 */
export async function getAdminCounts(): Promise<AdminCount[]> {
  const columns = COUNTED_TABLES.map(({ key, table }) => {
    const estimate = sql`(select greatest(reltuples, 0)::bigint from pg_class where oid = ${`public.${table}`}::regclass)`;
    const t = sql.raw(table);
    return sql`case when ${estimate} > ${EXACT_COUNT_LIMIT} then ${estimate} else (select count(*) from ${t}) end::bigint as ${sql.raw(`"${key}"`)},
               (${estimate} > ${EXACT_COUNT_LIMIT}) as ${sql.raw(`"${key}_estimated"`)}`;
  });
  const [row] = await db.execute<Record<string, string | number | boolean>>(sql`select ${sql.join(columns, sql`, `)}`);
  return COUNTED_TABLES.map(({ key, label, href }) => ({ key, label, href, count: Number(row[key]), estimated: Boolean(row[`${key}_estimated`]) }));
}

/** A timestamp as ISO 8601 in UTC (JavaScript's Date does not parse PostgreSQL's text form). */
const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

export type RecentEdit = { kind: "movie" | "person" | "character"; id: number; label: string; detail: string | null; updated_at: string; href: string };
export type RecentEdits = { movies: RecentEdit[]; people: RecentEdit[]; characters: RecentEdit[] };

/**
 * The films, people and characters edited most recently (a new row counts as edited): one statement, each part
 * an ordered walk of movie_updated_at_idx / person_updated_at_idx / character_updated_at_idx stopping at `limit`.
 */
export async function getRecentEdits({ limit }: { limit: number }): Promise<RecentEdits> {
  const rows = await db.execute<Omit<RecentEdit, "href">>(sql`
    (select 'movie' as kind, m.id, m.title as label, extract(year from m.release_date)::int::text as detail, ${iso("m.updated_at")} as updated_at
     from movie m order by m.updated_at desc limit ${limit})
    union all
    (select 'person' as kind, p.id, trim(p.first_name || ' ' || p.last_name) as label,
            case when p.date_of_birth is not null then 'born ' || extract(year from p.date_of_birth)::int end as detail, ${iso("p.updated_at")}
     from person p order by p.updated_at desc limit ${limit})
    union all
    (select 'character' as kind, c.id, c.name as label, 'in ' || m.title as detail, ${iso("c.updated_at")}
     from character_ c join movie m on m.id = c.movie_id order by c.updated_at desc limit ${limit})`);
  const withHref = rows.map((r) => ({ ...r, href: `/admin/${r.kind === "movie" ? "movies" : r.kind === "person" ? "people" : "characters"}/${r.id}` }));
  const byTime = (a: RecentEdit, b: RecentEdit) => (a.updated_at < b.updated_at ? 1 : a.updated_at > b.updated_at ? -1 : b.id - a.id);
  return {
    movies: withHref.filter((r) => r.kind === "movie").sort(byTime),
    people: withHref.filter((r) => r.kind === "person").sort(byTime),
    characters: withHref.filter((r) => r.kind === "character").sort(byTime),
  };
}
