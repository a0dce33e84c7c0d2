import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { AdminMovieListParams, AdminMovieSort, CastRowInput, MovieInput } from "@/lib/validation/admin/movie";
import { ADMIN_MOVIES_PAGE_SIZE, MOVIE_LIMITS } from "@/lib/validation/admin/movie";
import { db } from "../../index";
import { escapeLike } from "../sql-fragments";
import { matchesVersion, versionOf } from "./version";
import { movie } from "../../schema";

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];
type Executor = Pick<typeof db, "execute">;

/** A Postgres int[] parameter (Drizzle would spread a JS array into a list of parameters). */
const intArray = (ids: readonly number[]): SQL => sql`${`{${ids.map((n) => Math.trunc(n)).join(",")}}`}::int[]`;

// ---------------------------------------------------------------------------------------------------------------
// The list: /admin/movies
// ---------------------------------------------------------------------------------------------------------------

export type AdminMovieRow = {
  id: number;
  title: string;
  year: number | null;
  posterUrl: string | null;
  director: string | null;
  country: string | null;
  genres: string[];
  /** ISO 8601 with offset. */
  updatedAt: string;
};

/** `totalIsCapped`: a title search matched more than ADMIN_MOVIES_SEARCH_CAP; `total` is that cap. */
export type AdminMoviePage = { rows: AdminMovieRow[]; total: number; totalIsCapped: boolean; page: number; pageCount: number };

/**
 * The WHERE clause over `movie m`, each condition served by an index: the title through the trigram index on
 * marquee_search_key(title) (accents and case ignored), genres through movie_genres' keys, years as a range on
 * movie_release_date_idx, the country through movie_country_id_idx.
 */
function listWhere(params: AdminMovieListParams): SQL {
  const conditions: SQL[] = [];
  const q = params.q.trim();
  if (q) {
    const key = sql`marquee_search_key(${escapeLike(q)}::text)`;
    if ([...q].length <= 2) {
      // One or two characters make no trigram inside a word: match the start of the title or of a word.
      conditions.push(sql`(marquee_search_key(m.title) like ${key} || '%' or marquee_search_key(m.title) like '% ' || ${key} || '%')`);
    } else {
      conditions.push(sql`marquee_search_key(m.title) like '%' || ${key} || '%'`);
    }
  }
  if (params.genreId) conditions.push(sql`exists (select 1 from movie_genres mg where mg.movie_id = m.id and mg.genre_id = ${params.genreId})`);
  if (params.countryId) conditions.push(sql`m.country_id = ${params.countryId}`);
  if (params.year) conditions.push(sql`m.release_date >= make_date(${params.year}::int, 1, 1) and m.release_date < make_date(${params.year}::int + 1, 1, 1)`);
  if (params.missing.includes("poster")) conditions.push(sql`m.poster_id is null`);
  if (params.missing.includes("genres")) conditions.push(sql`not exists (select 1 from movie_genres mg where mg.movie_id = m.id)`);
  return conditions.length ? sql.join(conditions, sql` and `) : sql`true`;
}

/**
 * Ids of one page. Each sort walks a b-tree (movie_updated_at_idx, movie_title_idx, movie_release_date_idx)
 * and stops after offset + limit rows. Release dates may be null: films with a date come first (newest first),
 * then those without, as two ordered branches — `order by release_date desc nulls last` would sort the whole
 * table. SORT_ORDER repeats each order over the joined rows of the page.
 */
function pageIds(source: SQL, where: SQL, sort: AdminMovieSort, offset: number, limit: number): SQL {
  switch (sort) {
    case "updated":
      return sql`select m.id from ${source} where ${where} order by m.updated_at desc, m.id desc offset ${offset} limit ${limit}`;
    case "title":
      return sql`select m.id from ${source} where ${where} order by m.title, m.id offset ${offset} limit ${limit}`;
    case "release": {
      const n = offset + limit;
      return sql`select id from (
          (select 0 as grp, m.release_date as d, m.id from ${source} where ${where} and m.release_date is not null order by m.release_date desc, m.id desc limit ${n})
          union all
          (select 1 as grp, null::date as d, m.id from ${source} where ${where} and m.release_date is null order by m.id desc limit ${n})
        ) both_branches
        order by grp, d desc, id desc offset ${offset} limit ${limit}`;
    }
  }
}

const SORT_ORDER: Record<AdminMovieSort, SQL> = {
  updated: sql`m.updated_at desc, m.id desc`,
  title: sql`m.title, m.id`,
  release: sql`m.release_date desc nulls last, m.id desc`,
};

/**
 * Below this many matches a page collects its matches first (through the trigram, country, year, genre or poster
 * index) and sorts them; walking a sort index instead could read most of the table before finding 50 rare
 * matches ("missing genres" when only a few films lack them). Above it, matches are dense and the ordered index
 * walk is the fast way.
 */
const FEW_MATCHES = 5_000;

/**
 * A title search counts at most this many matches ("the" is in 40,000 titles; counting them all costs more than
 * the page): the list then says "10,000+" and pages stop there. Narrow the search to go further.
 */
export const ADMIN_MOVIES_SEARCH_CAP = 10_000;

/** One page (50) of the admin list and the number of matches: two statements. */
export async function listAdminMovies(params: AdminMovieListParams): Promise<AdminMoviePage> {
  const where = listWhere(params);
  const capped = params.q !== "";
  const [{ total: counted }] = capped
    ? await db.execute<{ total: number }>(sql`select count(*)::int as total from (select 1 from movie m where ${where} limit ${ADMIN_MOVIES_SEARCH_CAP + 1}) matches`)
    : await db.execute<{ total: number }>(sql`select count(*)::int as total from movie m where ${where}`);
  const totalIsCapped = capped && counted > ADMIN_MOVIES_SEARCH_CAP;
  const total = totalIsCapped ? ADMIN_MOVIES_SEARCH_CAP : counted;
  const pageCount = Math.max(1, Math.ceil(total / ADMIN_MOVIES_PAGE_SIZE));
  const page = Math.min(Math.max(1, params.page), pageCount);
  if (total === 0) return { rows: [], total, totalIsCapped, page, pageCount };
  const offset = (page - 1) * ADMIN_MOVIES_PAGE_SIZE;
  const ids =
    total <= FEW_MATCHES
      ? sql`with matches as materialized (select m.id, m.title, m.release_date, m.updated_at from movie m where ${where})
            ${pageIds(sql`matches m`, sql`true`, params.sort, offset, ADMIN_MOVIES_PAGE_SIZE)}`
      : pageIds(sql`movie m`, where, params.sort, offset, ADMIN_MOVIES_PAGE_SIZE);
  const rows = await db.execute<AdminMovieRow>(sql`
    select m.id, m.title,
           extract(year from m.release_date)::int as year,
           f.file_url as "posterUrl",
           nullif(btrim(d.first_name || ' ' || d.last_name), '') as director,
           c.name as country,
           coalesce((select array_agg(g.name order by g.name) from movie_genres mg join genres g on g.id = mg.genre_id where mg.movie_id = m.id), '{}') as genres,
           to_json(m.updated_at) #>> '{}' as "updatedAt"
    from (${ids}) p
    join movie m on m.id = p.id
    left join person d on d.id = m.director_id
    left join countries c on c.id = m.country_id
    left join file_ f on f.id = m.poster_id
    order by ${SORT_ORDER[params.sort]}`);
  return { rows: [...rows], total, totalIsCapped, page, pageCount };
}

export type NamedOption = { id: number; name: string };

/** Genres and countries for the list's filters and the form's genre checkboxes (small tables, bounded anyway). */
export async function getMovieFormOptions(): Promise<{ genres: NamedOption[]; countries: NamedOption[] }> {
  const [row] = await db.execute<{ genres: NamedOption[] | null; countries: NamedOption[] | null }>(sql`
    select
      (select json_agg(json_build_object('id', g.id, 'name', g.name) order by lower(g.name)) from (select id, name from genres order by lower(name) limit 500) g) as genres,
      (select json_agg(json_build_object('id', c.id, 'name', c.name) order by lower(c.name)) from (select id, name from countries order by lower(name) limit 1000) c) as countries`);
  return { genres: row?.genres ?? [], countries: row?.countries ?? [] };
}

// ---------------------------------------------------------------------------------------------------------------
// The form: what it loads, and the labels of what it refers to
// ---------------------------------------------------------------------------------------------------------------

export type PickedEntity = { id: number; label: string };
export type PickedFile = { id: number; url: string; file_name: string };
export type EditableCharacter = { id: number; name: string; description: string | null; role: string | null; actors: PickedEntity[] };

export type EditableMovie = {
  id: number;
  title: string;
  description: string | null;
  release_date: string | null;
  duration: number | null;
  budget: string | null;
  director: PickedEntity | null;
  country: PickedEntity | null;
  poster: PickedFile | null;
  genres: PickedEntity[];
  /** Characters by id (the order they were entered); null when the film has more than the grid edits. */
  cast: EditableCharacter[] | null;
  characterCount: number;
  version: string;
};

const personLabel = (alias: string) => sql.raw(`btrim(${alias}.first_name || ' ' || ${alias}.last_name)`);

/** The movie as the edit form shows it, with its genres and cast, or null for an unknown id. One statement. */
export async function getEditableMovie(id: number, executor: Executor = db): Promise<EditableMovie | null> {
  const [row] = await executor.execute<Omit<EditableMovie, "cast"> & { cast: EditableCharacter[] }>(sql`
    select movie.id, movie.title, movie.description, movie.release_date::text as release_date, movie.duration, movie.budget::text as budget,
           (select json_build_object('id', d.id, 'label', ${personLabel("d")}) from person d where d.id = movie.director_id) as director,
           (select json_build_object('id', c.id, 'label', c.name) from countries c where c.id = movie.country_id) as country,
           (select json_build_object('id', f.id, 'url', f.file_url, 'file_name', f.file_name) from file_ f where f.id = movie.poster_id) as poster,
           coalesce((select json_agg(json_build_object('id', g.id, 'label', g.name) order by lower(g.name))
                     from movie_genres mg join genres g on g.id = mg.genre_id where mg.movie_id = movie.id), '[]'::json) as genres,
           (select count(*)::int from character_ ch where ch.movie_id = movie.id) as "characterCount",
           coalesce((select json_agg(json_build_object('id', ch.id, 'name', ch.name, 'description', ch.description, 'role', ch.role,
                       'actors', coalesce((select json_agg(json_build_object('id', p.id, 'label', ${personLabel("p")}) order by ca.created_at, ca.person_id)
                                           from character_actors ca join person p on p.id = ca.person_id where ca.character_id = ch.id), '[]'::json))
                       order by ch.position, ch.id)
                     from (select * from character_ where movie_id = movie.id order by position, id limit ${MOVIE_LIMITS.castRows + 1}) ch), '[]'::json) as "cast",
           ${versionOf(movie.updated_at)} as version
    from movie where movie.id = ${id}`);
  if (!row) return null;
  return { ...row, cast: row.characterCount > MOVIE_LIMITS.castRows ? null : row.cast };
}

export type MovieReferences = {
  people: Map<number, PickedEntity>;
  country: PickedEntity | null;
  poster: PickedFile | null;
  genres: Map<number, PickedEntity>;
};

/**
 * What the ids a form sent name: people (director and actors), the country, the poster (a stored image) and the
 * genres. Ids that name nothing are simply absent — the caller turns them into field errors. One statement.
 */
export async function resolveMovieReferences(
  ids: { personIds: number[]; countryId: number | null; posterId: number | null; genreIds: number[] },
  executor: Executor = db,
): Promise<MovieReferences> {
  const [row] = await executor.execute<{ people: PickedEntity[] | null; country: PickedEntity | null; poster: PickedFile | null; genres: PickedEntity[] | null }>(sql`
    select
      (select json_agg(json_build_object('id', p.id, 'label', ${personLabel("p")})) from person p where p.id = any(${intArray(ids.personIds.slice(0, 5000))})) as people,
      (select json_build_object('id', c.id, 'label', c.name) from countries c where c.id = ${ids.countryId ?? 0}) as country,
      (select json_build_object('id', f.id, 'url', f.file_url, 'file_name', f.file_name) from file_ f where f.id = ${ids.posterId ?? 0} and f.mime_type like 'image/%' and f.is_public
         and not exists (select 1 from user_ u where u.avatar_id = f.id)) as poster,
      (select json_agg(json_build_object('id', g.id, 'label', g.name)) from genres g where g.id = any(${intArray(ids.genreIds.slice(0, 100))})) as genres`);
  return {
    people: new Map((row?.people ?? []).map((p) => [p.id, p])),
    country: row?.country ?? null,
    poster: row?.poster ?? null,
    genres: new Map((row?.genres ?? []).map((g) => [g.id, g])),
  };
}

/** Field errors for ids of a valid form that name nothing (tampered, or deleted meanwhile). */
export function unknownReferenceErrors(input: MovieInput, refs: MovieReferences): Record<string, string> {
  const errors: Record<string, string> = {};
  if (input.director_id !== null && !refs.people.has(input.director_id)) errors.director_id = "This person does not exist (any more): choose the director again.";
  if (input.country_id !== null && refs.country?.id !== input.country_id) errors.country_id = "This country does not exist (any more): choose it again.";
  if (input.poster_id !== null && refs.poster?.id !== input.poster_id) errors.poster_id = "This image is no longer available: upload it again.";
  if (input.genre_ids.some((g) => !refs.genres.has(g))) errors.genre_ids = "One of these genres does not exist (any more): reload the page.";
  input.cast?.forEach((row, i) => {
    if (row.actor_ids.some((p) => !refs.people.has(p))) errors[`cast.${i}.actor_ids`] = "One of these actors does not exist (any more): choose them again.";
  });
  return errors;
}

export function referencedIds(input: Pick<MovieInput, "director_id" | "country_id" | "poster_id" | "genre_ids" | "cast">) {
  const personIds = new Set<number>();
  if (input.director_id !== null) personIds.add(input.director_id);
  for (const row of input.cast ?? []) for (const p of row.actor_ids) personIds.add(p);
  return { personIds: [...personIds], countryId: input.country_id, posterId: input.poster_id, genreIds: input.genre_ids };
}

// ---------------------------------------------------------------------------------------------------------------
// Writes: movie + genres + cast in one transaction
// ---------------------------------------------------------------------------------------------------------------

export type SaveMovieResult =
  | { ok: true; id: number; version: string }
  | { ok: false; fieldErrors: Record<string, string> }
  | { ok: false; gone: true }
  | { ok: false; conflict: EditableMovie };

const FK_VIOLATION = "23503";

function isForeignKeyViolation(error: unknown): boolean {
  let e: unknown = error;
  for (let i = 0; i < 4 && e; i++) {
    if ((e as { code?: string }).code === FK_VIOLATION) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

function movieColumns(input: MovieInput) {
  return {
    title: input.title,
    description: input.description,
    release_date: input.release_date,
    duration: input.duration,
    budget: input.budget,
    director_id: input.director_id,
    country_id: input.country_id,
    poster_id: input.poster_id,
  };
}

async function writeGenres(tx: Tx, movieId: number, genreIds: number[]) {
  await tx.execute(sql`delete from movie_genres where movie_id = ${movieId} and genre_id <> all(${intArray(genreIds)})`);
  if (genreIds.length) {
    await tx.execute(sql`insert into movie_genres (movie_id, genre_id) select ${movieId}, g from unnest(${intArray(genreIds)}) g on conflict do nothing`);
  }
}

/**
 * The cast as the grid sent it: rows with the id of one of this film's characters update it, other rows
 * (new, or an id that is not this film's) become new characters, and this film's characters missing from the
 * grid are deleted with their castings. Actors of each character are replaced by the picked ones.
 */
async function writeCast(tx: Tx, movieId: number, cast: CastRowInput[]) {
  const existing = new Set(
    (await tx.execute<{ id: number }>(sql`select id from character_ where movie_id = ${movieId} for update`)).map((r) => r.id),
  );
  const kept = cast.filter((row) => row.id !== null && existing.has(row.id)).map((row) => row.id as number);
  await tx.execute(sql`delete from character_ where movie_id = ${movieId} and id <> all(${intArray(kept)})`);
  // Rows as one JSON parameter: one statement per kind of change, whatever the size of the cast.
  const rows = cast.map((row, i) => ({
    pos: i,
    id: row.id !== null && existing.has(row.id) ? row.id : null,
    name: row.name,
    description: row.description,
    role: row.role,
    actors: row.actor_ids,
  }));
  const updated = rows.filter((r) => r.id !== null);
  if (updated.length) {
    await tx.execute(sql`
      update character_ c set name = r.name, description = r.description, role = r.role, position = r.pos
      from json_to_recordset(${JSON.stringify(updated)}::json) as r(id int, name text, description text, role text, pos int)
      where c.id = r.id and c.movie_id = ${movieId}
        and (c.name, c.description, c.role, c.position) is distinct from (r.name, r.description, r.role, r.pos)`);
  }
  const created = rows.filter((r) => r.id === null);
  const newIds = new Map<number, number>();
  if (created.length) {
    // Ids taken from the identity's sequence first, in grid order, so each row knows its id and new characters
    // are numbered in the order they were entered (the admin lists characters by id).
    const allocated = await tx.execute<{ id: number }>(sql`
      select nextval(pg_get_serial_sequence('character_', 'id'))::int as id from generate_series(1, ${created.length}) order by 1`);
    created.forEach((r, i) => newIds.set(r.pos, allocated[i].id));
    const values = created.map((r) => ({ id: newIds.get(r.pos), name: r.name, description: r.description, role: r.role, pos: r.pos }));
    await tx.execute(sql`
      insert into character_ (id, name, description, role, position, movie_id)
      select r.id, r.name, r.description, r.role, r.pos, ${movieId}
      from json_to_recordset(${JSON.stringify(values)}::json) as r(id int, name text, description text, role text, pos int)`);
  }
  const castings = rows.flatMap((r) => {
    const characterId = r.id ?? newIds.get(r.pos);
    return characterId === undefined ? [] : r.actors.map((personId, order) => ({ character_id: characterId, person_id: personId, ord: order }));
  });
  const characterIds = rows.map((r) => r.id ?? newIds.get(r.pos)).filter((id): id is number => id !== undefined);
  // Castings no longer picked go; new ones come in picking order (the public page lists actors by created_at).
  await tx.execute(sql`
    delete from character_actors ca
    where ca.character_id = any(${intArray(characterIds)})
      and not exists (select 1 from json_to_recordset(${JSON.stringify(castings)}::json) as k(character_id int, person_id int)
                      where k.character_id = ca.character_id and k.person_id = ca.person_id)`);
  if (castings.length) {
    await tx.execute(sql`
      insert into character_actors (character_id, person_id, created_at)
      select k.character_id, k.person_id, clock_timestamp() + k.ord * interval '1 microsecond'
      from json_to_recordset(${JSON.stringify(castings)}::json) as k(character_id int, person_id int, ord int)
      order by k.character_id, k.ord
      on conflict do nothing`);
  }
}

/** Checks every id the form refers to inside the transaction; FK races still end as field errors, never a 500. */
async function checkedReferences(tx: Tx, input: MovieInput): Promise<Record<string, string>> {
  return unknownReferenceErrors(input, await resolveMovieReferences(referencedIds(input), tx));
}

const RACE_ERRORS = { form: "Something this film refers to was deleted meanwhile: check the pickers and save again." };

/** Creates a movie with its genres and cast (one transaction). */
export async function createMovie(input: MovieInput): Promise<SaveMovieResult> {
  try {
    return await db.transaction(async (tx) => {
      const errors = await checkedReferences(tx, input);
      if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
      const [row] = await tx.execute<{ id: number; version: string }>(sql`
        insert into movie (title, description, release_date, duration, budget, director_id, country_id, poster_id)
        values (${input.title}, ${input.description}, ${input.release_date}, ${input.duration}, ${input.budget}, ${input.director_id}, ${input.country_id}, ${input.poster_id})
        returning id, ${versionOf(movie.updated_at)} as version`);
      await writeGenres(tx, row.id, input.genre_ids);
      if (input.cast) await writeCast(tx, row.id, input.cast);
      return { ok: true, id: row.id, version: row.version };
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) return { ok: false, fieldErrors: RACE_ERRORS };
    throw error;
  }
}

/**
 * Saves the movie if it is still at `version` (nobody saved since the form was loaded): movie, genres and cast in
 * one transaction. Otherwise nothing is written and the answer is `gone` (deleted meanwhile) or `conflict` with
 * the movie as it is now.
 */
export async function updateMovie(id: number, version: string, input: MovieInput): Promise<SaveMovieResult> {
  try {
    return await db.transaction(async (tx) => {
      const errors = await checkedReferences(tx, input);
      if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
      const columns = movieColumns(input);
      const [row] = await tx.execute<{ id: number; version: string }>(sql`
        update movie set title = ${columns.title}, description = ${columns.description}, release_date = ${columns.release_date},
          duration = ${columns.duration}, budget = ${columns.budget}, director_id = ${columns.director_id},
          country_id = ${columns.country_id}, poster_id = ${columns.poster_id}
        where id = ${id} and ${matchesVersion(movie.updated_at, version)}
        returning id, ${versionOf(movie.updated_at)} as version`);
      if (!row) {
        const current = await getEditableMovie(id, tx);
        return current ? { ok: false, conflict: current } : { ok: false, gone: true };
      }
      await writeGenres(tx, id, input.genre_ids);
      if (input.cast) await writeCast(tx, id, input.cast);
      return { ok: true, id, version: row.version };
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) return { ok: false, fieldErrors: RACE_ERRORS };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Delete
// ---------------------------------------------------------------------------------------------------------------

export type MovieDeleteConsequences = { title: string; characters: number; castings: number; favorites: number };

/** What deleting the movie takes with it (its characters, their castings, users' favorites), or null if unknown. */
export async function getMovieDeleteConsequences(id: number, executor: Executor = db): Promise<MovieDeleteConsequences | null> {
  const [row] = await executor.execute<MovieDeleteConsequences>(sql`
    select m.title,
      (select count(*)::int from character_ ch where ch.movie_id = m.id) as characters,
      (select count(*)::int from character_actors ca join character_ ch on ch.id = ca.character_id where ch.movie_id = m.id) as castings,
      (select count(*)::int from favorite_movies fm where fm.movie_id = m.id) as favorites
    from movie m where m.id = ${id}`);
  return row ?? null;
}

/**
 * Deletes the movie; its characters, their castings, its genre links and users' favorites cascade. Unless
 * `confirmed`, a movie that would take characters or favorites with it is not deleted: the answer says what
 * would go. The count and the delete run under the movie's row lock, so what was counted is what goes (new
 * characters or favorites wait for it).
 */
export async function deleteMovie(
  id: number,
  confirmed: boolean,
): Promise<{ deleted: MovieDeleteConsequences } | { needsConfirmation: MovieDeleteConsequences } | { gone: true }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select id from movie where id = ${id} for update`);
    // movie_counts rows in the order every other writer takes them (all, country, genre): the cascade to
    // movie_genres would otherwise lock the genre rows first and could deadlock with a concurrent save.
    await tx.execute(sql`
      select 1 from movie_counts
      where (scope = 'all' and scope_id = 0)
         or (scope = 'country' and scope_id = (select country_id from movie where id = ${id}))
         or (scope = 'genre' and scope_id in (select genre_id from movie_genres where movie_id = ${id}))
      order by scope, scope_id for update`);
    const consequences = await getMovieDeleteConsequences(id, tx);
    if (!consequences) return { gone: true as const };
    if (!confirmed && (consequences.characters > 0 || consequences.favorites > 0)) return { needsConfirmation: consequences };
    await tx.execute(sql`delete from movie where id = ${id}`);
    return { deleted: consequences };
  });
}
