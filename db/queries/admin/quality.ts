import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db } from "../../index";
import type { QualityKind } from "@/lib/validation/admin/quality";

/**
 * The data-quality queues of the admin dashboard. Each answers a total and one page of items (newest first,
 * i.e. by id desc), each linking to the admin page that fixes it. Costs measured on the 100,000-film /
 * 200,000-person / 900,000-character database (marquee_large):
 * - missing poster, photo or birth date: counts are index-only scans of the nullable column's b-tree index
 *   (movie_poster_id_idx, person_main_photo_id_idx, person_date_of_birth_idx; b-trees index NULLs), ~1–5 ms;
 *   pages walk the primary key backwards (or the null entries of that index when they are few);
 * - films without genres, characters without an actor: "no row in another table" has no index of its own, so
 *   the set is computed once per call by one hash/merge anti-join (~40 ms for films, ~150–250 ms for 900,000
 *   characters) and counted and paged from that. Written as a MATERIALIZED CTE on purpose: with the page's
 *   LIMIT in view the planner prefers walking the primary key with a probe per row, which is instant when most
 *   rows match but takes seconds when almost none do (the normal state of a clean catalogue);
 * - likely duplicate people: see findDuplicatePeople below.
 * Listings stop at QUALITY_LISTING_CAP rows so that deep pages stay cheap; totals stay exact.
 */

export type QualityEntity = { id: number; href: string; label: string; detail: string | null };
export type QualityItem = QualityEntity & { other?: QualityEntity; similarity?: number };
export type QualityPage = { kind: QualityKind; total: number; items: QualityItem[]; page: number; pageCount: number; listingCapped: boolean };

export const QUALITY_LISTING_CAP = 10_000;

/** Only people edited most recently are compared (see findDuplicatePeople). */
export const DUPLICATE_WINDOW = 100;
/** pg_trgm similarity of the unaccented, lower-cased full names ("jon smith" ~ "john smith" is 0.62). */
export const DUPLICATE_SIMILARITY = 0.6;
/** Candidates kept per recent person. */
const DUPLICATE_CANDIDATES = 5;

type Paging = { page: number; pageSize: number };

function clampPage(total: number, { page, pageSize }: Paging) {
  const listed = Math.min(total, QUALITY_LISTING_CAP);
  const pageCount = Math.max(1, Math.ceil(listed / pageSize));
  const current = Math.min(Math.max(1, page), pageCount);
  return { page: current, pageCount, offset: (current - 1) * pageSize, listingCapped: total > QUALITY_LISTING_CAP };
}

type Row = { id: number; label: string; year: number | null; born: string | null; country: string | null; movie: string | null; movie_year: number | null };

const yearText = (year: number | null) => (year ? String(year) : "no release date");

function movieItem(r: Row): QualityItem {
  return { id: r.id, href: `/admin/movies/${r.id}`, label: r.label, detail: yearText(r.year) };
}

function personDetail(born: string | null, country: string | null): string {
  return [born ? `born ${born}` : "no birth date", country].filter(Boolean).join(" · ");
}

function personItem(r: Row): QualityItem {
  return { id: r.id, href: `/admin/people/${r.id}`, label: r.label || "(no name)", detail: personDetail(r.born, r.country) };
}

function characterItem(r: Row): QualityItem {
  return { id: r.id, href: `/admin/characters/${r.id}`, label: r.label, detail: r.movie ? `in ${r.movie}${r.movie_year ? ` (${r.movie_year})` : ""}` : null };
}

const movieColumns = sql`m.id, m.title as label, extract(year from m.release_date)::int as year`;
const personColumns = sql`p.id, trim(p.first_name || ' ' || p.last_name) as label, p.date_of_birth::text as born,
  (select c.name from countries c where c.id = p.country_id) as country`;

/** A queue over a nullable column: an index-only count, then one page by primary key. */
async function nullColumnQueue(kind: QualityKind, count: SQL, page: (limit: number, offset: number) => SQL, toItem: (r: Row) => QualityItem, paging: Paging): Promise<QualityPage> {
  const [{ total }] = await db.execute<{ total: number }>(count);
  const clamped = clampPage(total, paging);
  const rows = total ? await db.execute<Row>(page(paging.pageSize, clamped.offset)) : [];
  return { kind, total, items: rows.map(toItem), page: clamped.page, pageCount: clamped.pageCount, listingCapped: clamped.listingCapped };
}

/**
 * A queue defined by an anti-join: the matching ids once (materialized), their count, and one page of them, in a
 * single statement. The page past the end is clamped in SQL to the last one.
 */
async function antiJoinQueue(kind: QualityKind, matches: SQL, project: (pageIds: SQL) => SQL, toItem: (r: Row) => QualityItem, paging: Paging): Promise<QualityPage> {
  const size = paging.pageSize;
  const wanted = (Math.max(1, paging.page) - 1) * size;
  const [result] = await db.execute<{ total: number; rows: Row[] | null }>(sql`
    with matches as materialized (${matches}),
    counted as (select count(*)::int as total from matches),
    page_ids as (
      select id from matches order by id desc limit ${size}
      offset least(${wanted}, (select greatest(least(total, ${QUALITY_LISTING_CAP}) - 1, 0) / ${size} * ${size} from counted))
    )
    select (select total from counted) as total,
           (select json_agg(r order by r.id desc) from (${project(sql`page_ids`)}) r) as rows`);
  const clamped = clampPage(result.total, paging);
  return { kind, total: result.total, items: (result.rows ?? []).map(toItem), page: clamped.page, pageCount: clamped.pageCount, listingCapped: clamped.listingCapped };
}

/**
 * Likely duplicate people. Comparing every pair of 200,000 names is out of the question, and exact duplicates of
 * marquee_search_key(name) are both too common to mean much (the large catalogue has 10,000 names shared by
 * different people, as real ones do) and too narrow (they miss "Jon"/"John", "De Niro"/"DeNiro"). Duplicates are
 * born when someone adds or renames a person (a name typed in the cast grid creates one), so the queue checks the
 * DUPLICATE_WINDOW people edited most recently (person_updated_at_idx; a new row's updated_at is its creation)
 * against everyone, each through the trigram GIN index person_name_trgm_idx with the `%` operator at a
 * similarity of DUPLICATE_SIMILARITY, and keeps pairs whose birth dates don't disagree (equal, or one unknown):
 * two "Anna Smith"s born in different years are two people. Measured on marquee_large (EXPLAIN ANALYZE): one
 * bitmap scan of the GIN index per recent person, ~1.3 ms each, ~130–170 ms in all; the cost grows with the
 * window, not with the number of people. `%` reads its threshold from pg_trgm.similarity_threshold, set for this
 * transaction only. The window has no id tie-break on purpose: after a bulk import thousands of rows share one
 * updated_at, and a tie-break would sort all of them instead of stopping at DUPLICATE_WINDOW index entries.
 */
async function findDuplicatePeople(paging: Paging): Promise<QualityPage> {
  const size = paging.pageSize;
  const wanted = (Math.max(1, paging.page) - 1) * size;
  const key = (alias: string) => sql.raw(`marquee_search_key(${alias}.first_name || ' ' || ${alias}.last_name)`);
  const [result] = await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(DUPLICATE_SIMILARITY)}, true)`);
    return tx.execute<{ total: number; rows: { a: Row; b: Row; similarity: number }[] | null }>(sql`
      with recent as (
        select id, ${key("person")} as k, date_of_birth from person order by updated_at desc limit ${DUPLICATE_WINDOW}
      ), pairs as materialized (
        select distinct least(r.id, m.id) as a, greatest(r.id, m.id) as b, m.similarity
        from recent r cross join lateral (
          select p.id, similarity(${key("p")}, r.k) as similarity
          from person p
          where ${key("p")} % r.k and p.id <> r.id
            and (p.date_of_birth = r.date_of_birth or p.date_of_birth is null or r.date_of_birth is null)
          order by 2 desc, p.id limit ${DUPLICATE_CANDIDATES}
        ) m
      ), counted as (select count(*)::int as total from pairs),
      page_pairs as (
        select * from pairs order by similarity desc, a, b limit ${size}
        offset least(${wanted}, (select greatest(total - 1, 0) / ${size} * ${size} from counted))
      )
      select (select total from counted) as total,
             (select json_agg(json_build_object('a', to_json(pa), 'b', to_json(pb), 'similarity', x.similarity) order by x.similarity desc, x.a, x.b)
              from page_pairs x
              cross join lateral (select ${personColumns} from person p where p.id = x.a) pa
              cross join lateral (select ${personColumns} from person p where p.id = x.b) pb) as rows`);
  });
  const clamped = clampPage(result.total, paging);
  return {
    kind: "duplicate-people",
    total: result.total,
    items: (result.rows ?? []).map((pair) => ({ ...personItem(pair.a), other: personItem(pair.b), similarity: pair.similarity })),
    page: clamped.page,
    pageCount: clamped.pageCount,
    listingCapped: false,
  };
}

/** One page of a queue (the dashboard asks for page 1 with a few items). */
export async function getQualityQueue(kind: QualityKind, paging: Paging): Promise<QualityPage> {
  switch (kind) {
    case "movies-without-poster":
      return nullColumnQueue(
        kind,
        sql`select count(*)::int as total from movie where poster_id is null`,
        (limit, offset) => sql`select ${movieColumns} from movie m where m.poster_id is null order by m.id desc limit ${limit} offset ${offset}`,
        movieItem,
        paging,
      );
    case "people-without-photo":
      return nullColumnQueue(
        kind,
        sql`select count(*)::int as total from person where main_photo_id is null`,
        (limit, offset) => sql`select ${personColumns} from person p where p.main_photo_id is null order by p.id desc limit ${limit} offset ${offset}`,
        personItem,
        paging,
      );
    case "people-without-birth-date":
      return nullColumnQueue(
        kind,
        sql`select count(*)::int as total from person where date_of_birth is null`,
        (limit, offset) => sql`select ${personColumns} from person p where p.date_of_birth is null order by p.id desc limit ${limit} offset ${offset}`,
        personItem,
        paging,
      );
    case "movies-without-genres":
      return antiJoinQueue(
        kind,
        sql`select m.id from movie m where not exists (select 1 from movie_genres mg where mg.movie_id = m.id)`,
        (ids) => sql`select ${movieColumns} from ${ids} x join movie m on m.id = x.id`,
        movieItem,
        paging,
      );
    case "characters-without-actor":
      return antiJoinQueue(
        kind,
        sql`select c.id from character_ c where not exists (select 1 from character_actors ca where ca.character_id = c.id)`,
        (ids) => sql`select c.id, c.name as label, m.title as movie, extract(year from m.release_date)::int as movie_year
                     from ${ids} x join character_ c on c.id = x.id join movie m on m.id = c.movie_id`,
        characterItem,
        paging,
      );
    case "duplicate-people":
      return findDuplicatePeople(paging);
  }
}
