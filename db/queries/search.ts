import "server-only";
import { sql } from "drizzle-orm";
import type { PersonCardData } from "@/components/people/person-card";
import { characterHref, movieHref, personHref } from "@/lib/slug";
import { movieCardFields, type MovieCardData } from "./movies";
import { inSearchTransaction, matchMode, rankedHits, type MatchMode, type SearchKind } from "./search-match";
import type { Executor } from "./toolkit";

/**
 * One search over movies (title), people (full name) and characters (name, with their movie), tolerant of case,
 * accents and typos: how it matches is in ./search-match.ts. Per kind one statement finds, ranks and cuts the
 * candidates, and only the few rows shown get their posters, genres, credits and actors.
 */

export type { MatchMode, SearchKind };

/** Candidates per kind on /search (the header's suggestions look at fewer). */
export const SEARCH_CANDIDATE_CAP = 500;
const SUGGEST_CANDIDATE_CAP = 200;

export type CharacterHit = {
  id: number;
  name: string;
  movie: { id: number; title: string; year: number | null; posterUrl: string | null };
  /** The first few actors who played the character (by name); actorCount says how many there are in all. */
  actors: { id: number; name: string }[];
  actorCount: number;
};

export type KindResults<T> = {
  items: T[];
  /** Matches found, at most the candidate cap. */
  total: number;
  /** The search stopped counting at the cap: there are more than `total`. */
  capped: boolean;
};

export type SearchResults = {
  q: string;
  /** How the query matched: "fuzzy" when nothing contained it and close spellings are shown instead. */
  mode: MatchMode;
  movies: KindResults<MovieCardData>;
  people: KindResults<PersonCardData>;
  characters: KindResults<CharacterHit>;
};

export type Suggestion = {
  kind: SearchKind;
  id: number;
  href: string;
  label: string;
  /** "1972", "Actor · 12 films", "in The Godfather (1972)". */
  subtitle: string | null;
  year: number | null;
  thumbnailUrl: string | null;
};

type Ranked = { tier: number; ws: number; sim: number; total: number; capped: boolean };

function kindResults<R extends Ranked, T>(rows: R[], map: (row: R) => T): KindResults<T> {
  const first = rows[0];
  return {
    items: rows.map(map),
    total: first?.total ?? 0,
    capped: first?.capped ?? false,
  };
}

// Every statement below returns the kind's ranked rows with the counts repeated on each (no row: no match).

type MovieRow = Ranked & MovieCardData;

function searchMovies(tx: Executor, q: string, mode: MatchMode, limit: number, cap: number) {
  return tx.execute<MovieRow>(sql`
    with ${rankedHits("movie", q, mode, limit, cap)}
    select ${movieCardFields("m")},
      r.tier, r.ws, r.sim, c.total, c.capped
    from ranked r join movie m on m.id = r.id cross join counts c
    order by r.tier, r.ws desc, r.sim desc, r.id`);
}

type PersonRow = Ranked & { id: number; name: string; photoUrl: string | null; isActor: boolean; isDirector: boolean; filmCount: number };

function searchPeople(tx: Executor, q: string, mode: MatchMode, limit: number, cap: number) {
  return tx.execute<PersonRow>(sql`
    with ${rankedHits("person", q, mode, limit, cap)}
    select p.id, btrim(p.first_name || ' ' || p.last_name) as name,
      (select f.file_url from file_ f where f.id = p.main_photo_id and f.is_public) as "photoUrl",
      exists (select 1 from character_actors ca where ca.person_id = p.id) as "isActor",
      exists (select 1 from movie d where d.director_id = p.id) as "isDirector",
      -- Distinct films acted in or directed, from the person's own credit rows (a prolific actor's 3,000 castings
      -- are one index range there, not 3,000 character lookups).
      (select count(distinct pc.movie_id) from person_credits pc where pc.person_id = p.id)::int as "filmCount",
      r.tier, r.ws, r.sim, c.total, c.capped
    from ranked r join person p on p.id = r.id cross join counts c
    order by r.tier, r.ws desc, r.sim desc, r.id`);
}

type CharacterRow = Ranked & {
  id: number;
  name: string;
  movieId: number;
  movieTitle: string;
  movieYear: number | null;
  posterUrl: string | null;
  actors: { id: number; name: string }[];
  actorCount: number;
};

const SHOWN_ACTORS = 3;

function searchCharacters(tx: Executor, q: string, mode: MatchMode, limit: number, cap: number) {
  return tx.execute<CharacterRow>(sql`
    with ${rankedHits("character", q, mode, limit, cap)}
    select ch.id, ch.name, m.id as "movieId", m.title as "movieTitle", extract(year from m.release_date)::int as "movieYear",
      (select f.file_url from file_ f where f.id = m.poster_id and f.is_public) as "posterUrl",
      coalesce((
        select json_agg(json_build_object('id', a.id, 'name', a.name) order by a.ord)
        from (select p.id, btrim(p.first_name || ' ' || p.last_name) as name,
                     row_number() over (order by p.last_name, p.first_name, p.id) as ord
              from character_actors ca join person p on p.id = ca.person_id
              where ca.character_id = ch.id
              order by ord limit ${SHOWN_ACTORS}) a), '[]'::json) as actors,
      (select count(*) from character_actors ca where ca.character_id = ch.id)::int as "actorCount",
      r.tier, r.ws, r.sim, c.total, c.capped
    from ranked r join character_ ch on ch.id = r.id join movie m on m.id = ch.movie_id cross join counts c
    order by r.tier, r.ws desc, r.sim desc, r.id`);
}

function personDetail(row: Pick<PersonRow, "isActor" | "isDirector" | "filmCount">): string | null {
  const role = row.isActor && row.isDirector ? "Actor & director" : row.isDirector ? "Director" : row.isActor ? "Actor" : null;
  const films = row.filmCount > 0 ? `${row.filmCount} ${row.filmCount === 1 ? "film" : "films"}` : null;
  return [role, films].filter(Boolean).join(" · ") || null;
}

const toMovie = ({ id, title, year, posterUrl, genres }: MovieRow): MovieCardData => ({ id, title, year, posterUrl, genres });
const toPerson = (row: PersonRow): PersonCardData => ({ id: row.id, name: row.name, photoUrl: row.photoUrl, detail: personDetail(row) });
const toCharacter = (row: CharacterRow): CharacterHit => ({
  id: row.id,
  name: row.name,
  movie: { id: row.movieId, title: row.movieTitle, year: row.movieYear, posterUrl: row.posterUrl },
  actors: row.actors,
  actorCount: row.actorCount,
});

const emptyKind = <T>(): KindResults<T> => ({ items: [], total: 0, capped: false });

/**
 * The /search page: the best few of each kind with their counts. `q` must come from parseSearchQuery
 * (cleaned, at most 100 characters). At most seven statements whatever the number of matches: begin, settings,
 * the substring probe (not for 1-2 characters), one per kind that can have hits, commit; none for an empty query.
 */
export async function searchCatalogue({
  q,
  limits = { movies: 12, people: 12, characters: 10 },
  cap = SEARCH_CANDIDATE_CAP,
}: {
  q: string;
  limits?: { movies: number; people: number; characters: number };
  cap?: number;
}): Promise<SearchResults> {
  if (!q) return { q, mode: "substring", movies: emptyKind(), people: emptyKind(), characters: emptyKind() };
  return inSearchTransaction(async (tx) => {
    const { mode, kinds } = await matchMode(tx, q);
    const movies = kinds.has("movie") ? await searchMovies(tx, q, mode, limits.movies, cap) : [];
    const people = kinds.has("person") ? await searchPeople(tx, q, mode, limits.people, cap) : [];
    const characters = kinds.has("character") ? await searchCharacters(tx, q, mode, limits.characters, cap) : [];
    return {
      q,
      mode,
      movies: kindResults(movies, toMovie),
      people: kindResults(people, toPerson),
      characters: kindResults(characters, toCharacter),
    };
  });
}

const KIND_ORDER: Record<SearchKind, number> = { movie: 0, person: 1, character: 2 };

/**
 * The header's suggestions: at most `limit` across kinds, the best ranked overall, listed by kind (movies,
 * people, characters) and by rank within a kind.
 */
export async function suggestCatalogue({ q, limit = 8, cap = SUGGEST_CANDIDATE_CAP }: { q: string; limit?: number; cap?: number }): Promise<Suggestion[]> {
  if (!q) return [];
  const perKind = Math.min(limit, 5);
  const rows = await inSearchTransaction(async (tx) => {
    const { mode, kinds } = await matchMode(tx, q);
    return {
      movies: kinds.has("movie") ? await searchMovies(tx, q, mode, perKind, cap) : [],
      people: kinds.has("person") ? await searchPeople(tx, q, mode, perKind, cap) : [],
      characters: kinds.has("character") ? await searchCharacters(tx, q, mode, perKind, cap) : [],
    };
  });
  type Scored = Suggestion & Pick<Ranked, "tier" | "ws" | "sim">;
  const all: Scored[] = [
    ...rows.movies.map((m): Scored => ({
      kind: "movie", id: m.id, href: movieHref(m), label: m.title, subtitle: m.year ? String(m.year) : null,
      year: m.year, thumbnailUrl: m.posterUrl, tier: m.tier, ws: m.ws, sim: m.sim,
    })),
    ...rows.people.map((p): Scored => ({
      kind: "person", id: p.id, href: personHref(p), label: p.name, subtitle: personDetail(p),
      year: null, thumbnailUrl: p.photoUrl, tier: p.tier, ws: p.ws, sim: p.sim,
    })),
    ...rows.characters.map((c): Scored => ({
      kind: "character", id: c.id, href: characterHref(c), label: c.name,
      subtitle: `in ${c.movieTitle}${c.movieYear ? ` (${c.movieYear})` : ""}`,
      year: c.movieYear, thumbnailUrl: c.posterUrl, tier: c.tier, ws: c.ws, sim: c.sim,
    })),
  ];
  const best = [...all]
    .sort((a, b) => a.tier - b.tier || b.ws - a.ws || b.sim - a.sim || KIND_ORDER[a.kind] - KIND_ORDER[b.kind])
    .slice(0, limit);
  return all
    .filter((s) => best.includes(s))
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind])
    .map(({ tier: _t, ws: _w, sim: _s, ...s }) => s);
}
