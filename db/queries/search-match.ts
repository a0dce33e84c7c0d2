import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { isShortQuery } from "@/lib/validation/search-text";
import { db } from "../index";
import { searchKeyContains, type Executor } from "./toolkit";

/**
 * How the catalogue search (./search.ts) matches a query, tolerant of case, accents and typos.
 *
 * Every comparison is between marquee_search_key(column), exactly the expression of the GIN trigram indexes
 * (movie_title_trgm_idx, person_name_trgm_idx, character_name_trgm_idx), and marquee_search_key(query), so
 * "Amelie" finds "Amélie" and the indexes answer. One way of matching is chosen per search, for all kinds:
 * - exact: queries of 1-2 characters have no trigram to search by; they find whole names only ("M", "Up", "Q"),
 *   through the same indexes (pg_trgm supports `=`);
 * - substring: key LIKE '%query%' (the index intersects the query's trigrams: cheap even at 1M rows);
 * - fuzzy, only when nothing of any kind contains the query (a probe statement asks): each significant word of
 *   the query `<%` the key (word similarity: the typo tolerance, "godfathr", "vito korleone"). A "did you mean",
 *   never look-alikes after real matches ("kane" does not bring Diane Keaton, "marlon" not Marla Singer).
 * Candidates stop at `cap` per kind; they are ranked (exact name, whole word, word start, substring, fuzzy; then
 * similarity) and cut to the few rows shown. With a very common word ("the", "john") the ranking is exact among
 * the first `cap` matches the index returns, and counts read "500+".
 */

export type SearchKind = "movie" | "person" | "character";
export type MatchMode = "exact" | "substring" | "fuzzy";

/** Word similarity needed for a fuzzy hit (pg_trgm's default 0.6 misses "amelei" → Amélie, "scorcese"). */
const WORD_SIMILARITY_THRESHOLD = 0.5;
/**
 * The fuzzy search reads the index's posting list of every trigram of its terms: a long query costs much more than
 * a short one and typos in it are rarely the point, so it looks at its first words only (up to this length).
 */
const FUZZY_TEXT_MAX_LENGTH = 40;
/** Words too common to say anything about a name on their own. */
const FUZZY_IGNORED_WORDS = new Set(["the", "and", "for", "with"]);
const FUZZY_WORD_MIN_LENGTH = 3;
const FUZZY_WORDS_MAX = 4;

/**
 * The terms of a fuzzy match: each significant word must be like a word of the name ("vito korleone" finds Vito
 * Corleone; "dark starr" does not find Gunnar Stark through the trigrams of "ark" and "sta"); a query without
 * significant words ("to be") is compared whole.
 */
export function fuzzyTerms(q: string): string[] {
  let text = q;
  if (Array.from(q).length > FUZZY_TEXT_MAX_LENGTH) {
    const cut = Array.from(q).slice(0, FUZZY_TEXT_MAX_LENGTH).join("");
    const lastSpace = cut.lastIndexOf(" ");
    text = (lastSpace > 0 ? cut.slice(0, lastSpace) : cut).trim();
  }
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => Array.from(w).length >= FUZZY_WORD_MIN_LENGTH && !FUZZY_IGNORED_WORDS.has(w));
  const distinct = [...new Set(words)].slice(0, FUZZY_WORDS_MAX);
  return distinct.length > 0 ? distinct : [text];
}


type KindSpec = {
  /** FROM item, aliased x. */
  from: SQL;
  /** Exactly the expression of the kind's trigram index, over alias x. */
  key: SQL;
};

const KINDS: Record<SearchKind, KindSpec> = {
  movie: { from: sql.raw(`movie x`), key: sql.raw(`marquee_search_key(x.title)`) },
  person: { from: sql.raw(`person x`), key: sql.raw(`marquee_search_key(x.first_name || ' ' || x.last_name)`) },
  character: { from: sql.raw(`character_ x`), key: sql.raw(`marquee_search_key(x.name)`) },
};

const searchKey = (text: string) => sql`marquee_search_key(${text}::text)`;
// A text without any trigram ("%%%", "²²²") would make the index return every row for recheck: conditions are
// guarded with this, which PostgreSQL folds at plan time (show_trgm of a constant), dropping the scan.
const hasTrigrams = (key: SQL) => sql`cardinality(show_trgm(${key})) > 0`;
// Likewise a LIKE pattern needs a run of 3 letters or digits to give the index a trigram to look up.
const likeUsable = (q: string) => /[\p{L}\p{N}]{3}/u.test(q);
const substringCondition = (key: SQL, q: string) => sql`${hasTrigrams(searchKey(q))} and ${searchKeyContains(key, q)}`;

/**
 * The search's settings, local to its transaction: the fuzzy threshold read by `<%`; plans made for the actual
 * query text; and the trigram indexes always (a sequential scan stopping at the cap is cheaper only when matches
 * are common, and reads the whole table when the planner misjudges that).
 */
export async function inSearchTransaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select
      set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY_THRESHOLD)}, true),
      set_config('plan_cache_mode', 'force_custom_plan', true),
      set_config('enable_seqscan', 'off', true)`);
    return work(tx);
  });
}

/**
 * How this search matches, and which kinds can have hits: one statement (the substring probe) unless the query is
 * too short for it. In substring mode only the kinds the probe found are searched (the others have no hit by
 * definition); exact and fuzzy searches look at every kind.
 */
export async function matchMode(tx: Executor, q: string): Promise<{ mode: MatchMode; kinds: Set<SearchKind> }> {
  const every = new Set<SearchKind>(["movie", "person", "character"]);
  if (isShortQuery(q)) return { mode: "exact", kinds: every };
  if (!likeUsable(q)) return { mode: "fuzzy", kinds: every };
  const exists = (kind: SearchKind) => sql`exists (select 1 from ${KINDS[kind].from} where ${substringCondition(KINDS[kind].key, q)})`;
  // Each probe is one trigram index lookup (13-19 buffers for "shadow" at 100k); a kind found empty here saves its
  // search statement, whose planning alone costs ~1.5 ms.
  const [row] = await tx.execute<Record<SearchKind, boolean>>(
    sql`select ${exists("movie")} as movie, ${exists("person")} as person, ${exists("character")} as character`,
  );
  const found = new Set([...every].filter((kind) => row[kind]));
  return found.size > 0 ? { mode: "substring", kinds: found } : { mode: "fuzzy", kinds: every };
}

// Punctuation and spaces as single spaces, so word boundaries in "Alien: Resurrection" are found by the ranking.
const words = (text: SQL) => sql`btrim(regexp_replace(${text}, '[[:punct:][:space:]]+', ' ', 'g'))`;

/**
 * CTEs for one kind: `hits(id, key)` the candidates, `ranked(id, tier, ws, sim)` the best `limit` of them in rank
 * order, and `counts(total, capped)`.
 */
export function rankedHits(kind: SearchKind, q: string, mode: MatchMode, limit: number, cap: number): SQL {
  const { from, key } = KINDS[kind];
  const qKey = searchKey(q);
  let condition: SQL;
  if (mode === "exact") {
    condition = sql`${hasTrigrams(qKey)} and ${key} = ${qKey}`;
  } else if (mode === "substring") {
    condition = substringCondition(key, q);
  } else {
    // One `<%` per term: the index intersects them (a single GIN scan), so only names like every term are rechecked.
    const terms = fuzzyTerms(q).map(searchKey);
    condition = sql.join(terms.map((t) => sql`${hasTrigrams(t)} and ${t} <% ${key}`), sql` and `);
  }
  const qWords = words(qKey);
  // Ranking costs more per hit than finding it (at 100k, "shadow": 500 hits, ~18 ms, of which the normalizing
  // regular expression ~3 ms and word_similarity + similarity ~8 ms). So: the name's words (kn) once per hit, in
  // the materialized CTE (in a subquery the planner flattened it and ran the expression once per use); the leading
  // article compared as strings, not with a second expression; and the two similarities only for the hits whose
  // tier can reach the first `limit` (the 42 exact titles of "shadow", not all 500). Same order as ranking all.
  return sql`
    hits as materialized (
      select k.id, k.key, ${words(sql`k.key`)} as kn
      from (select x.id, ${key} as key from ${from} where ${condition} limit ${cap}) k
    ),
    tiered as (
      select h.id, h.key,
        case
          when h.kn in (${qWords}, 'the ' || ${qWords}, 'a ' || ${qWords}, 'an ' || ${qWords}) then 0
          when ' ' || h.kn || ' ' like '% ' || ${qWords} || ' %' then 1
          when ' ' || h.kn like '% ' || ${qWords} || '%' then 2
          when ${sql.raw(mode === "fuzzy" ? "false" : "true")} then 3
          else 4
        end as tier
      from hits h
    ),
    ranked as (
      select t.id, t.tier, word_similarity(${qKey}, t.key) as ws, similarity(${qKey}, t.key) as sim
      from tiered t
      where t.tier <= (select max(c.tier) from (select tier from tiered order by tier limit ${limit}) c)
      order by t.tier, ws desc, sim desc, t.id
      limit ${limit}
    ),
    counts as (select count(*)::int as total, count(*) >= ${cap} as capped from hits)`;
}
