import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { isShortQuery } from "@/lib/validation/search-text";
import { db } from "../../index";
import { fuzzyTerms, inSearchTransaction } from "../search-match";
import { escapeLike, intArray, searchKeyContains, type Executor } from "../toolkit";

/**
 * The admin pickers' search (GET /api/admin/lookup): people, countries, genres and movies by name, at most
 * LOOKUP_LIMIT, tolerant of case, accents and typos, names that start with the text first.
 *
 * People and movies (200,000 / 100,000 rows) are matched through their trigram indexes on
 * marquee_search_key(...) (see ../search-match.ts), in two bounded steps:
 * 1. names containing the text (1-2 characters: names starting with it), ranked exact name, name starts with
 *    the text, a word starts with it, anywhere; then by similarity;
 * 2. only when step 1 found fewer than the limit: close spellings ("marlon brndo"), each significant word
 *    `<%` the name, by word similarity.
 * Each step looks at no more than LOOKUP_CANDIDATE_CAP candidates. Countries and genres are a few dozen rows.
 */

export const LOOKUP_KINDS = ["person", "country", "genre", "movie"] as const;
export type LookupKind = (typeof LOOKUP_KINDS)[number];
export type LookupResult = { id: number; label: string; detail?: string };

export const LOOKUP_LIMIT = 10;
const LOOKUP_CANDIDATE_CAP = 300;
/** Word similarity for a close spelling (pg_trgm's `<%`); "brndo" is 0.44 like "marlon brando". */
const FUZZY_THRESHOLD = 0.4;

type Row = { id: number; label: string; detail: string | null };

const searchKey = (text: string) => sql`marquee_search_key(${text}::text)`;
const hasTrigrams = (key: SQL) => sql`cardinality(show_trgm(${key})) > 0`;

/** Whole words of a name's key, so "Alien: Resurrection" has a word starting with "resu". */
const words = (text: SQL) => sql`btrim(regexp_replace(${text}, '[[:punct:][:space:]]+', ' ', 'g'))`;

/** "Marlon Brando" · "born 1924 · United States" for the person aliased x. */
const PERSON_LABEL = `btrim(x.first_name || ' ' || x.last_name) as label,
  nullif(concat_ws(' · ', 'born ' || extract(year from x.date_of_birth)::int,
    (select c.name from countries c where c.id = x.country_id)), '') as detail`;
/** "The Godfather (1972)" · its director, for the movie aliased x. */
const MOVIE_LABEL = `x.title || coalesce(' (' || extract(year from x.release_date)::int || ')', '') as label,
  (select btrim(d.first_name || ' ' || d.last_name) from person d where d.id = x.director_id) as detail`;

type BigKind = {
  from: SQL;
  /** Exactly the expression of the kind's trigram index, over alias x. */
  key: SQL;
  /** label and detail of the row aliased x (and whatever it joins), computed for the few rows shown. */
  select: SQL;
};

const BIG_KINDS: Record<"person" | "movie", BigKind> = {
  person: {
    from: sql.raw("person x"),
    key: sql.raw(`marquee_search_key(x.first_name || ' ' || x.last_name)`),
    select: sql.raw(PERSON_LABEL),
  },
  movie: {
    from: sql.raw("movie x"),
    key: sql.raw(`marquee_search_key(x.title)`),
    select: sql.raw(MOVIE_LABEL),
  },
};

/** Step 1: names containing the text (or, for 1-2 characters, starting with it), best first. */
function containing(tx: Executor, spec: BigKind, q: string, limit: number) {
  const qKey = searchKey(q);
  const qWords = words(qKey);
  const condition = isShortQuery(q) ? sql`${spec.key} like ${searchKey(escapeLike(q))} || '%'` : searchKeyContains(spec.key, q);
  return tx.execute<Row>(sql`
    with hits as materialized (
      select x.id, ${spec.key} as key from ${spec.from} where ${hasTrigrams(qKey)} and ${condition} limit ${LOOKUP_CANDIDATE_CAP}
    ),
    ranked as (
      select h.id,
        case
          when h.kn = ${qWords} then 0
          when starts_with(h.kn, ${qWords}) then 1
          when strpos(' ' || h.kn, ' ' || ${qWords}) > 0 then 2
          else 3
        end as tier,
        similarity(${qKey}, h.key) as sim,
        length(h.key) as len
      from (select hits.*, ${words(sql`hits.key`)} as kn from hits) h
      order by tier, sim desc, len, h.id
      limit ${limit}
    )
    select x.id, ${spec.select}
    from ranked r join ${spec.from} on x.id = r.id
    order by r.tier, r.sim desc, r.len, r.id`);
}

/** Step 2: close spellings, for what step 1 did not fill. */
function closeSpellings(tx: Executor, spec: BigKind, q: string, limit: number, exclude: number[]) {
  const qKey = searchKey(q);
  const terms = fuzzyTerms(q).map(searchKey);
  // Like every significant word ("vito korleone"), or like the whole text ("marlon brndo": "brndo" alone is too far).
  const everyWord = sql.join(
    terms.map((t) => sql`${hasTrigrams(t)} and ${t} <% ${spec.key}`),
    sql` and `,
  );
  const condition = sql`((${everyWord}) or (${hasTrigrams(qKey)} and ${qKey} <% ${spec.key}))`;
  const notShown = exclude.length > 0 ? sql`and x.id <> all(${intArray(exclude)})` : sql``;
  return tx.execute<Row>(sql`
    with hits as materialized (
      select x.id, ${spec.key} as key from ${spec.from} where ${condition} ${notShown} limit ${LOOKUP_CANDIDATE_CAP}
    ),
    ranked as (
      -- Whole words first: "brndo" is nearer "Brando" than "Raymu(ndo Br)uen".
      select h.id, strict_word_similarity(${qKey}, h.key) as sws, word_similarity(${qKey}, h.key) as ws, similarity(${qKey}, h.key) as sim
      from hits h
      order by sws desc, ws desc, sim desc, h.id
      limit ${limit}
    )
    select x.id, ${spec.select}
    from ranked r join ${spec.from} on x.id = r.id
    order by r.sws desc, r.ws desc, r.sim desc, r.id`);
}

async function lookupBig(kind: "person" | "movie", q: string, limit: number): Promise<Row[]> {
  const spec = BIG_KINDS[kind];
  return inSearchTransaction(async (tx) => {
    // A picker looks for one known name: a looser threshold than the site search's finds "brndo" (Brando).
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(FUZZY_THRESHOLD)}, true)`);
    const found = [...(await containing(tx, spec, q, limit))];
    if (found.length < limit && !isShortQuery(q)) {
      found.push(...(await closeSpellings(tx, spec, q, limit - found.length, found.map((r) => r.id))));
    }
    return found;
  });
}

const SMALL_TABLES = { country: sql.raw("countries"), genre: sql.raw("genres") };

/** Countries and genres: a few dozen rows, matched whole; an empty text lists the first ones by name. */
async function lookupSmall(kind: "country" | "genre", q: string, limit: number): Promise<Row[]> {
  const table = SMALL_TABLES[kind];
  if (!q) {
    return db.execute<Row>(sql`select id, name as label, null as detail from ${table} order by lower(name), id limit ${limit}`);
  }
  const qKey = searchKey(q);
  return db.execute<Row>(sql`
    select id, label, null as detail from (
      select id, name as label, marquee_search_key(name) as key from ${table}
    ) t
    where strpos(key, ${qKey}) > 0 or (${!isShortQuery(q)} and word_similarity(${qKey}, key) >= ${FUZZY_THRESHOLD})
    order by
      case when key = ${qKey} then 0 when starts_with(key, ${qKey}) then 1
           when strpos(' ' || key, ' ' || ${qKey}) > 0 then 2
           when strpos(key, ${qKey}) > 0 then 3 else 4 end,
      word_similarity(${qKey}, key) desc, similarity(${qKey}, key) desc, lower(label), id
    limit ${limit}`);
}

/**
 * At most `limit` (≤ LOOKUP_LIMIT) entities of the kind whose name is like `q`. `q` must be cleaned already
 * (normalizeSearchText: trimmed, at most 100 characters, "" for junk).
 */
export async function lookupEntities(kind: LookupKind, q: string, limit = LOOKUP_LIMIT): Promise<LookupResult[]> {
  const n = Math.max(1, Math.min(LOOKUP_LIMIT, Math.trunc(limit)));
  const rows = kind === "country" || kind === "genre" ? await lookupSmall(kind, q, n) : q ? await lookupBig(kind, q, n) : [];
  return rows.map((r) => (r.detail ? { id: r.id, label: r.label, detail: r.detail } : { id: r.id, label: r.label }));
}

const LABEL_SOURCES: Record<LookupKind, SQL> = {
  person: sql.raw(`select x.id, ${PERSON_LABEL} from person x`),
  movie: sql.raw(`select x.id, ${MOVIE_LABEL} from movie x`),
  country: sql.raw(`select x.id, x.name as label, null as detail from countries x`),
  genre: sql.raw(`select x.id, x.name as label, null as detail from genres x`),
};

/**
 * The pickers' labels for ids a form sent (EntityPicker's defaultValue after a refused save), in the order given;
 * ids that name nothing are left out. One statement; at most 200 ids.
 */
export async function pickedEntities(kind: LookupKind, ids: readonly number[]): Promise<LookupResult[]> {
  const wanted = [...new Set(ids.filter((id) => Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647))].slice(0, 200);
  if (wanted.length === 0) return [];
  const rows = await db.execute<Row>(sql`select * from (${LABEL_SOURCES[kind]}) s where s.id = any(${intArray(wanted)})`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return wanted.flatMap((id) => {
    const r = byId.get(id);
    return r ? [r.detail ? { id: r.id, label: r.label, detail: r.detail } : { id: r.id, label: r.label }] : [];
  });
}
