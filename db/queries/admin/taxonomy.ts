import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { isReferenceViolation, pgError, searchKeyContains, SQLSTATE } from "../toolkit";
import { db } from "../../index";
import { TAXONOMY_PAGE_SIZE, type TaxonomyFilters, type TaxonomyKind, type TaxonomySort } from "@/lib/validation/admin/taxonomy";

/**
 * Genres and countries for editors: list, read, create, rename (optimistic version), delete (refused while
 * anything uses the row) and merge (move every reference to another row, then delete, in one transaction).
 * Both tables are small (tens to a few hundred rows); what can be large is what references them (every film's
 * genres, every film's and person's country), which is only ever counted per row through its foreign-key index
 * (movie_genres_genre_id_movie_id_idx, movie_country_id_idx, person_country_id_idx) or read 10 at a time.
 */

export type TaxonomyListItem = { id: number; name: string; films: number; people: number | null; updated_at: string };
export type TaxonomyPage = { rows: TaxonomyListItem[]; total: number; page: number; pageCount: number };
export type TaxonomyItem = { id: number; name: string; version: string; films: number; people: number | null; created_at: string; updated_at: string };
export type TaxonomyOption = { id: number; name: string };
/** A film or person that uses a genre or country (`year`: of release, or of birth). */
export type TaxonomyReference = { kind: "movie" | "person"; id: number; name: string; year: number | null };
export type TaxonomyReferences = { references: TaxonomyReference[]; count: number; films: number; people: number };

/** A timestamp as ISO 8601 in UTC, which JavaScript's Date parses (PostgreSQL's own text form it doesn't). */
const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

const TABLE: Record<TaxonomyKind, SQL> = { genre: sql.raw("genres"), country: sql.raw("countries") };
const UNIQUE_NAME_INDEX: Record<TaxonomyKind, string> = { genre: "genres_name_lower_uq", country: "countries_name_lower_uq" };

/** Films (and, for countries, people) using the row aliased `t`: one index-only count each. */
function usageColumns(kind: TaxonomyKind): SQL {
  return kind === "genre"
    ? sql`(select count(*) from movie_genres mg where mg.genre_id = t.id)::int as films, null::int as people`
    : sql`(select count(*) from movie m where m.country_id = t.id)::int as films,
          (select count(*) from person p where p.country_id = t.id)::int as people`;
}

const ORDER: Record<TaxonomySort, SQL> = {
  name: sql`lower(name) asc, id asc`,
  "name-desc": sql`lower(name) desc, id desc`,
  "films-desc": sql`films desc, lower(name) asc, id asc`,
  films: sql`films asc, lower(name) asc, id asc`,
  "people-desc": sql`people desc nulls last, lower(name) asc, id asc`,
  "updated-desc": sql`edited_at desc, id desc`,
};

function searchWhere(q: string): SQL {
  // Accent- and case-insensitive, like the public search ("comedie" finds "Comédie").
  return q ? searchKeyContains(sql`marquee_search_key(t.name)`, q) : sql`true`;
}

/** One page (50) of genres or countries with their usage counts; a page past the end shows the last one. */
export async function listTaxonomy(kind: TaxonomyKind, filters: TaxonomyFilters): Promise<TaxonomyPage> {
  const where = searchWhere(filters.q);
  const [{ total }] = await db.execute<{ total: number }>(sql`select count(*)::int as total from ${TABLE[kind]} t where ${where}`);
  const pageCount = Math.max(1, Math.ceil(total / TAXONOMY_PAGE_SIZE));
  const page = Math.min(Math.max(1, filters.page), pageCount);
  if (total === 0) return { rows: [], total, page, pageCount };
  const byUsage = filters.sort.startsWith("films") || filters.sort.startsWith("people");
  // Sorting by name or date cuts the page first and counts usage for its rows only; sorting by usage must count
  // every (matching) row, which stays cheap because the tables themselves are small.
  const rows = byUsage
    ? await db.execute<TaxonomyListItem>(sql`
        select id, name, updated_at, films, people from (
          select t.id, t.name, t.updated_at as edited_at, ${iso("t.updated_at")} as updated_at, ${usageColumns(kind)}
          from ${TABLE[kind]} t where ${where}
        ) counted
        order by ${ORDER[filters.sort]}
        limit ${TAXONOMY_PAGE_SIZE} offset ${(page - 1) * TAXONOMY_PAGE_SIZE}`)
    : await db.execute<TaxonomyListItem>(sql`
        select t.id, t.name, ${iso("t.edited_at")} as updated_at, ${usageColumns(kind)}
        from (
          select id, name, updated_at as edited_at from ${TABLE[kind]} t where ${where}
          order by ${ORDER[filters.sort]}
          limit ${TAXONOMY_PAGE_SIZE} offset ${(page - 1) * TAXONOMY_PAGE_SIZE}
        ) t
        order by ${ORDER[filters.sort]}`);
  return { rows: [...rows], total, page, pageCount };
}

/** One genre or country for its edit page, with the version its form must carry. */
export async function getTaxonomyItem(kind: TaxonomyKind, id: number): Promise<TaxonomyItem | null> {
  const [row] = await db.execute<TaxonomyItem>(sql`
    select t.id, t.name, t.updated_at::text as version, ${iso("t.created_at")} as created_at, ${iso("t.updated_at")} as updated_at, ${usageColumns(kind)}
    from ${TABLE[kind]} t where t.id = ${id}`);
  return row ?? null;
}

/** Every other genre or country, by name, as merge targets (small tables; capped all the same). */
export async function listTaxonomyOptions(kind: TaxonomyKind, exceptId: number): Promise<TaxonomyOption[]> {
  const rows = await db.execute<TaxonomyOption>(sql`
    select id, name from ${TABLE[kind]} where id <> ${exceptId} order by lower(name), id limit 1000`);
  return [...rows];
}

function isNameTaken(kind: TaxonomyKind, error: unknown): boolean {
  const pg = pgError(error);
  return pg?.code === SQLSTATE.uniqueViolation && (pg.constraint === undefined || pg.constraint === UNIQUE_NAME_INDEX[kind]);
}

/** Whether another row already has this name, ignoring case (the unique index is on lower(name)). */
async function nameTaken(kind: TaxonomyKind, name: string, exceptId: number | null): Promise<boolean> {
  const rows = await db.execute(sql`select 1 from ${TABLE[kind]} where lower(name) = lower(${name}) and id <> ${exceptId ?? 0} limit 1`);
  return rows.length > 0;
}

export type CreateOutcome = { id: number } | "name-taken";

export async function createTaxonomyItem(kind: TaxonomyKind, name: string): Promise<CreateOutcome> {
  if (await nameTaken(kind, name, null)) return "name-taken";
  try {
    const [row] = await db.execute<{ id: number }>(sql`insert into ${TABLE[kind]} (name) values (${name}) returning id`);
    return { id: row.id };
  } catch (error) {
    // Two editors creating the same name at once: the unique index decides, the loser gets the field error.
    if (isNameTaken(kind, error)) return "name-taken";
    throw error;
  }
}

export type UpdateOutcome =
  | { status: "saved"; version: string }
  | { status: "name-taken" }
  | { status: "gone" }
  | { status: "conflict"; current: { name: string; version: string } };

/** Renames only if the row is still at `version`; otherwise says who won (deleted, or saved in between). */
export async function updateTaxonomyItem(kind: TaxonomyKind, id: number, name: string, version: string): Promise<UpdateOutcome> {
  if (await nameTaken(kind, name, id)) return { status: "name-taken" };
  try {
    const [row] = await db.execute<{ version: string }>(sql`
      update ${TABLE[kind]} set name = ${name}
      where id = ${id} and updated_at = ${version}::timestamptz
      returning updated_at::text as version`);
    if (row) return { status: "saved", version: row.version };
  } catch (error) {
    if (isNameTaken(kind, error)) return { status: "name-taken" };
    throw error;
  }
  const [current] = await db.execute<{ name: string; version: string }>(sql`select name, updated_at::text as version from ${TABLE[kind]} where id = ${id}`);
  return current ? { status: "conflict", current } : { status: "gone" };
}

/**
 * What uses a genre or country: the first `limit` films (and people) and how many there are in all. For countries both kinds are shown, films first.
 */
export async function getTaxonomyReferences(kind: TaxonomyKind, id: number, limit = 10): Promise<TaxonomyReferences> {
  type Row = TaxonomyReference & { total: number };
  const rows =
    kind === "genre"
      ? await db.execute<Row>(sql`
          select 'movie' as kind, m.id, m.title as name, extract(year from m.release_date)::int as year,
                 (select count(*) from movie_genres where genre_id = ${id})::int as total
          from movie_genres mg join movie m on m.id = mg.movie_id
          where mg.genre_id = ${id}
          order by lower(m.title), m.id limit ${limit}`)
      : await db.execute<Row>(sql`
          (select 'movie' as kind, m.id, m.title as name, extract(year from m.release_date)::int as year,
                  (select count(*) from movie where country_id = ${id})::int as total
           from movie m where m.country_id = ${id} order by lower(m.title), m.id limit ${limit})
          union all
          (select 'person' as kind, p.id, trim(p.first_name || ' ' || p.last_name) as name, extract(year from p.date_of_birth)::int as year,
                  (select count(*) from person where country_id = ${id})::int as total
           from person p where p.country_id = ${id} order by p.last_name, p.first_name, p.id limit ${limit})`);
  const films = rows.filter((r) => r.kind === "movie");
  const people = rows.filter((r) => r.kind === "person");
  const filmCount = films[0]?.total ?? 0;
  const peopleCount = people[0]?.total ?? 0;
  // Both kinds get a share of the `limit` shown when both exist.
  const filmsShown = films.slice(0, Math.max(Math.ceil(limit / 2), limit - people.length));
  const shown = [...filmsShown, ...people.slice(0, limit - filmsShown.length)];
  return {
    count: filmCount + peopleCount,
    films: filmCount,
    people: peopleCount,
    references: shown.map(({ total: _total, ...reference }) => reference),
  };
}

export type DeleteOutcome = { status: "deleted"; name: string } | { status: "gone" } | ({ status: "in-use" } & TaxonomyReferences);

/**
 * Deletes a genre or country nothing uses. In use → refused with what uses it. The foreign keys are RESTRICT, so a
 * film tagged between the check and the delete makes PostgreSQL refuse (23001, or 23503): answered the same way.
 */
export async function deleteTaxonomyItem(kind: TaxonomyKind, id: number): Promise<DeleteOutcome> {
  const refs = await getTaxonomyReferences(kind, id);
  if (refs.count > 0) return { status: "in-use", ...refs };
  try {
    const [row] = await db.execute<{ name: string }>(sql`delete from ${TABLE[kind]} where id = ${id} returning name`);
    return row ? { status: "deleted", name: row.name } : { status: "gone" };
  } catch (error) {
    if (isReferenceViolation(error)) return { status: "in-use", ...(await getTaxonomyReferences(kind, id)) };
    throw error;
  }
}

export type MergePreview = { source: string; target: string; films: number; filmsAlready: number; people: number };

/** What a merge would move (for the confirmation): films (and people) of the source, and films that already have the target. */
export async function previewTaxonomyMerge(kind: TaxonomyKind, sourceId: number, targetId: number): Promise<MergePreview | "source-gone" | "target-gone"> {
  const [row] = await db.execute<{ source: string | null; target: string | null; films: number; filmsAlready: number; people: number }>(
    kind === "genre"
      ? sql`select (select name from genres where id = ${sourceId}) as source, (select name from genres where id = ${targetId}) as target,
               (select count(*) from movie_genres where genre_id = ${sourceId})::int as films,
               (select count(*) from movie_genres s join movie_genres t on t.movie_id = s.movie_id and t.genre_id = ${targetId}
                 where s.genre_id = ${sourceId})::int as "filmsAlready",
               0 as people`
      : sql`select (select name from countries where id = ${sourceId}) as source, (select name from countries where id = ${targetId}) as target,
               (select count(*) from movie where country_id = ${sourceId})::int as films, 0 as "filmsAlready",
               (select count(*) from person where country_id = ${sourceId})::int as people`,
  );
  if (row.source === null) return "source-gone";
  if (row.target === null) return "target-gone";
  return { source: row.source, target: row.target, films: row.films, filmsAlready: row.filmsAlready, people: row.people };
}

export type MergeOutcome = { status: "merged"; source: string; target: string; films: number; people: number } | { status: "source-gone" } | { status: "target-gone" };

/**
 * Moves every reference from `sourceId` to `targetId` and deletes the source, in one transaction. Both rows are
 * locked first (in id order, so two merges never deadlock): a film tagged with the source meanwhile waits for
 * the lock and then fails its foreign-key check, so nothing can be left pointing at a deleted row.
 */
export async function mergeTaxonomyItems(kind: TaxonomyKind, sourceId: number, targetId: number): Promise<MergeOutcome> {
  return db.transaction(async (tx) => {
    const locked = await tx.execute<{ id: number; name: string }>(
      sql`select id, name from ${TABLE[kind]} where id in (${sourceId}, ${targetId}) order by id for update`,
    );
    const source = locked.find((r) => r.id === sourceId);
    const target = locked.find((r) => r.id === targetId);
    if (!source) return { status: "source-gone" } as const;
    if (!target || sourceId === targetId) return { status: "target-gone" } as const;
    let films = 0;
    let people = 0;
    if (kind === "genre") {
      await tx.execute(sql`
        insert into movie_genres (movie_id, genre_id)
        select movie_id, ${targetId} from movie_genres where genre_id = ${sourceId}
        on conflict do nothing`);
      const removed = await tx.execute(sql`delete from movie_genres where genre_id = ${sourceId}`);
      films = removed.count;
    } else {
      films = (await tx.execute(sql`update movie set country_id = ${targetId} where country_id = ${sourceId}`)).count;
      people = (await tx.execute(sql`update person set country_id = ${targetId} where country_id = ${sourceId}`)).count;
    }
    await tx.execute(sql`delete from ${TABLE[kind]} where id = ${sourceId}`);
    return { status: "merged", source: source.name, target: target.name, films, people } as const;
  });
}
