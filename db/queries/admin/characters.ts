import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { AdminCharactersParams, CharacterInput } from "@/lib/validation/admin/character";
import { searchTerms } from "@/lib/validation/people-filters";
import { db } from "../../index";
import { intArray, pgError, searchKeyMatches, SQLSTATE, type Executor, type ReferenceRefusal } from "../toolkit";
import { ADMIN_LIST_CAP, ADMIN_PAGE_SIZE } from "./people/list";

// ---------------------------------------------------------------------------------------------------------------
// /admin/characters
// ---------------------------------------------------------------------------------------------------------------

export type AdminCharacterRow = {
  id: number;
  name: string;
  role: string | null;
  movie: { id: number; title: string; year: number | null };
  /** The first few actors, in casting order. */
  actors: { id: number; name: string }[];
  actorCount: number;
  updatedAt: string;
};

export type AdminCharactersPage = { rows: AdminCharacterRow[]; total: number; totalIsCapped: boolean; page: number; pageCount: number };

const ACTORS_SHOWN = 3;

/** Same expression as the trigram index character_name_trgm_idx. */
const nameKey = sql.raw("marquee_search_key(c.name)");

function charactersWhere({ q, withoutActor }: AdminCharactersParams): SQL {
  const conditions: SQL[] = [sql`true`];
  for (const term of searchTerms(q)) conditions.push(searchKeyMatches(nameKey, term));
  if (withoutActor) conditions.push(sql`not exists (select 1 from character_actors ca where ca.character_id = c.id)`);
  return sql.join(conditions, sql` and `);
}

const rowFields = sql`
  c.id, c.name, c.role,
  json_build_object('id', m.id, 'title', m.title, 'year', extract(year from m.release_date)::int) as movie,
  coalesce((
    select json_agg(json_build_object('id', a.id, 'name', a.name) order by a.created_at, a.id)
    from (select p.id, trim(p.first_name || ' ' || p.last_name) as name, ca.created_at
          from character_actors ca join person p on p.id = ca.person_id
          where ca.character_id = c.id order by ca.created_at, p.id limit ${ACTORS_SHOWN}) a
  ), '[]'::json) as actors,
  (select count(*) from character_actors ca where ca.character_id = c.id)::int as "actorCount",
  to_char(c.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt"`;

/**
 * One page of characters, newest first (searches: by name), with the total, counted up to the cap. Filtered lists
 * (a search, "without an actor") collect their matches first, at most the cap, and page through them in one
 * statement; the plain list walks the primary key backwards. (Not "recently edited": rows written together share
 * one updated_at, and then that index cannot order them.)
 */
export async function listAdminCharacters(params: AdminCharactersParams): Promise<AdminCharactersPage> {
  const filtered = params.q !== "" || params.withoutActor;
  if (!filtered) {
    const [{ total: counted }] = await db.execute<{ total: number }>(
      sql`select count(*)::int as total from (select 1 from character_ limit ${ADMIN_LIST_CAP + 1}) x`,
    );
    const total = Math.min(counted, ADMIN_LIST_CAP);
    const pageCount = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
    const page = Math.min(params.page, pageCount);
    const rows = await db.execute<AdminCharacterRow>(sql`
      with page as (select c.id from character_ c order by c.id desc offset ${(page - 1) * ADMIN_PAGE_SIZE} limit ${ADMIN_PAGE_SIZE})
      select ${rowFields}
      from page join character_ c on c.id = page.id join movie m on m.id = c.movie_id
      order by c.id desc`);
    return { rows, total, totalIsCapped: counted > ADMIN_LIST_CAP, page, pageCount };
  }
  const order = params.q ? sql`c.name, c.id` : sql`c.id desc`;
  // The page asked for may be past the end: clamped inside the statement, from the number of matches. No row
  // back means no match at all (page 1 of a non-empty list always has rows).
  const requested = Math.min(params.page, Math.ceil(ADMIN_LIST_CAP / ADMIN_PAGE_SIZE));
  const found = await db.execute<AdminCharacterRow & { total: number; shownPage: number }>(sql`
    with matches as materialized (
      -- Only the id: "without an actor" is then a merge anti-join of two index-only scans.
      select c.id from character_ c where ${charactersWhere(params)} limit ${ADMIN_LIST_CAP + 1}
    ),
    counted as (select count(*)::int as total from matches),
    shown as (
      select greatest(1, least(${requested}, ceil(least(total, ${ADMIN_LIST_CAP})::numeric / ${ADMIN_PAGE_SIZE})::int)) as page from counted
    ),
    page as (
      select c.id, row_number() over (order by ${order}) as pos from matches join character_ c on c.id = matches.id
      order by ${order} offset (select (page - 1) * ${ADMIN_PAGE_SIZE} from shown) limit ${ADMIN_PAGE_SIZE}
    )
    select ${rowFields}, (select total from counted) as total, (select page from shown) as "shownPage"
    from page join character_ c on c.id = page.id join movie m on m.id = c.movie_id
    order by page.pos`);
  const counted = found[0]?.total ?? 0;
  const total = Math.min(counted, ADMIN_LIST_CAP);
  return {
    rows: found.map(({ total: _total, shownPage: _page, ...row }) => row),
    total,
    totalIsCapped: counted > ADMIN_LIST_CAP,
    page: found[0]?.shownPage ?? 1,
    pageCount: Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE)),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// /admin/characters/[id]
// ---------------------------------------------------------------------------------------------------------------

export type Picked = { id: number; label: string; detail?: string };

export type CharacterForEdit = {
  id: number;
  name: string;
  description: string | null;
  role: string | null;
  movie: Picked;
  actors: Picked[];
  version: string;
  updatedAt: string;
};

export const ACTORS_EDIT_LIMIT = 100;

/** Labels as the pickers show them (see db/queries/admin/lookup.ts): "Title (year)"; people with birth year and country. */
const movieLabel = (m: string) => sql.raw(`${m}.title || coalesce(' (' || extract(year from ${m}.release_date)::int || ')', '')`);
const personDetail = (p: string) =>
  sql.raw(`nullif(concat_ws(' · ', 'born ' || extract(year from ${p}.date_of_birth)::int, (select co.name from countries co where co.id = ${p}.country_id)), '')`);

/** The character with its version, movie and actors (casting order), as the edit form needs them: one statement. */
export async function getCharacterForEdit(id: number, executor: Executor = db): Promise<CharacterForEdit | null> {
  const [row] = await executor.execute<CharacterForEdit>(sql`
    select c.id, c.name, c.description, c.role,
           json_build_object('id', m.id, 'label', ${movieLabel("m")}) as movie,
           coalesce((
             select json_agg(json_build_object('id', a.id, 'label', a.label, 'detail', a.detail) order by a.created_at, a.id)
             from (select p.id, trim(p.first_name || ' ' || p.last_name) as label, ${personDetail("p")} as detail, ca.created_at
                   from character_actors ca join person p on p.id = ca.person_id
                   where ca.character_id = c.id order by ca.created_at, p.id limit ${ACTORS_EDIT_LIMIT}) a
           ), '[]'::json) as actors,
           c.updated_at::text as version,
           to_char(c.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt"
    from character_ c join movie m on m.id = c.movie_id
    where c.id = ${id}`);
  return row ?? null;
}

/** A movie as the picker shows it, for a "new character in this movie" link; null when unknown. */
export async function getMoviePick(id: number): Promise<Picked | null> {
  const [row] = await db.execute<Picked>(sql`select m.id, ${movieLabel("m")} as label from movie m where m.id = ${id}`);
  return row ?? null;
}

/** Labels of a typed movie and typed actors (for the conflict notice's "yours" column). */
export async function getCharacterChoiceLabels(movieId: number | null, actorIds: number[]): Promise<{ movie: string; actors: string }> {
  const [row] = await db.execute<{ movie: string | null; actors: string | null }>(sql`
    select (select ${movieLabel("m")} from movie m where m.id = ${movieId}::int) as movie,
           (select string_agg(trim(p.first_name || ' ' || p.last_name), ', ' order by array_position(${intArray(actorIds)}, p.id))
            from person p where p.id = any(${intArray(actorIds)})) as actors`);
  return { movie: row?.movie ?? "", actors: row?.actors ?? "" };
}

// ---------------------------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------------------------

/** A field of the character form whose id(s) name nothing. */
export type CharacterReferenceField = "movie_id" | "actor_ids";

export type CharacterReferenceRefusal = ReferenceRefusal<CharacterReferenceField>;

async function unknownCharacterReferences(executor: Executor, input: CharacterInput): Promise<CharacterReferenceField[]> {
  const [row] = await executor.execute<{ movie: boolean; actors: number }>(sql`
    select exists (select 1 from movie where id = ${input.movie_id}) as movie,
           (select count(*) from person where id = any(${intArray(input.actor_ids)}))::int as actors`);
  const fields: CharacterReferenceField[] = [];
  if (!row.movie) fields.push("movie_id");
  if (row.actors !== input.actor_ids.length) fields.push("actor_ids");
  return fields;
}

function foreignKeyField(error: unknown): CharacterReferenceField | null {
  const pg = pgError(error);
  if (pg?.code !== SQLSTATE.foreignKeyViolation) return null;
  return pg.constraint?.includes("movie") ? "movie_id" : "actor_ids";
}

/** The character's actors become exactly `actorIds`: links kept stay in their casting order, new ones follow. */
async function setActors(executor: Executor, characterId: number, actorIds: number[]) {
  await executor.execute(sql`delete from character_actors where character_id = ${characterId} and person_id <> all(${intArray(actorIds)})`);
  if (actorIds.length > 0) {
    // One statement; clock_timestamp() + ordinality keeps the typed order among the new links.
    await executor.execute(sql`
      insert into character_actors (character_id, person_id, created_at, updated_at)
      select ${characterId}, a.id, clock_timestamp() + a.n * interval '1 microsecond', now()
      from unnest(${intArray(actorIds)}) with ordinality as a(id, n)
      on conflict do nothing`);
  }
}

/** The cast position after every character of the movie (the admin's cast grid orders by character_.position). */
const endOfCast = (movieId: number) => sql`(select coalesce(max(position) + 1, 0) from character_ where movie_id = ${movieId})`;

/**
 * Locks the films whose casts change and moves their updated_at on: the movie form saves its whole cast grid
 * against the film's version, so an editor with the film open meets a conflict instead of overwriting (or deleting)
 * a character changed here. Films locked before characters, in id order, as the movie form does.
 */
async function lockFilms(tx: Executor, movieIds: number[]) {
  const ids = [...new Set(movieIds)].filter((id) => Number.isSafeInteger(id) && id > 0).sort((a, b) => a - b);
  if (ids.length === 0) return;
  await tx.execute(sql`select id from movie where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) order by id for update`);
}
async function touchFilms(tx: Executor, movieIds: number[]) {
  const ids = [...new Set(movieIds)];
  if (ids.length === 0) return;
  await tx.execute(sql`update movie set updated_at = now() where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
}

export async function createCharacter(input: CharacterInput): Promise<{ id: number } | CharacterReferenceRefusal> {
  try {
    return await db.transaction(async (tx) => {
      const unknown = await unknownCharacterReferences(tx, input);
      if (unknown.length) return { unknown };
      await lockFilms(tx, [input.movie_id]);
      const [row] = await tx.execute<{ id: number }>(sql`
        insert into character_ (name, description, role, movie_id, position)
        values (${input.name}, ${input.description}, ${input.role}, ${input.movie_id}, ${endOfCast(input.movie_id)}) returning id`);
      await setActors(tx, row.id, input.actor_ids);
      await touchFilms(tx, [input.movie_id]);
      return { id: row.id };
    });
  } catch (error) {
    const field = foreignKeyField(error);
    if (field) return { raced: field };
    throw error;
  }
}

export type CharacterUpdateOutcome =
  | { ok: true; version: string; movieId: number; previousMovieId: number }
  | { gone: true }
  | { conflict: CharacterForEdit }
  | CharacterReferenceRefusal;

/** Saves the character and its actors if nobody saved since `version`; otherwise the current row, or `gone`. */
export async function updateCharacter(id: number, version: string, input: CharacterInput): Promise<CharacterUpdateOutcome> {
  try {
    const outcome = await db.transaction(async (tx) => {
      const unknown = await unknownCharacterReferences(tx, input);
      if (unknown.length) return { unknown };
      const [current] = await tx.execute<{ movie_id: number }>(sql`select movie_id from character_ where id = ${id}`);
      await lockFilms(tx, [input.movie_id, ...(current ? [current.movie_id] : [])]);
      const [row] = await tx.execute<{ version: string; previous_movie_id: number }>(sql`
        update character_ c set name = ${input.name}, description = ${input.description}, role = ${input.role}, movie_id = ${input.movie_id},
          -- Moved to another film: last in its cast there.
          position = case when before.movie_id = ${input.movie_id} then c.position else ${endOfCast(input.movie_id)} end
        from (select id, movie_id from character_ where id = ${id} for update) before
        where c.id = before.id and c.updated_at = ${version}::timestamptz
        returning c.updated_at::text as version, before.movie_id as previous_movie_id`);
      if (!row) return null;
      await setActors(tx, id, input.actor_ids);
      await touchFilms(tx, [input.movie_id, row.previous_movie_id]);
      return { ok: true as const, version: row.version, movieId: input.movie_id, previousMovieId: row.previous_movie_id };
    });
    if (outcome) return outcome;
  } catch (error) {
    const field = foreignKeyField(error);
    if (field) return { raced: field };
    throw error;
  }
  const current = await getCharacterForEdit(id);
  return current ? { conflict: current } : { gone: true };
}

export type DeleteCharacterOutcome =
  | { deleted: true; name: string; movieId: number; actorIds: number[] }
  | { gone: true }
  /** Its actor links would go with it (the people stay): the actors' names, in casting order. */
  | { needsConfirmation: { actors: string[] } };

/** Deletes a character; its actor links go with it, so when it has actors that needs `confirmed`. */
export async function deleteCharacter(id: number, confirmed: boolean): Promise<DeleteCharacterOutcome> {
  return db.transaction(async (tx) => {
    const [film] = await tx.execute<{ movie_id: number }>(sql`select movie_id from character_ where id = ${id}`);
    if (!film) return { gone: true as const };
    await lockFilms(tx, [film.movie_id]);
    const [target] = await tx.execute<{ name: string; movie_id: number; title: string }>(sql`
      select c.name, c.movie_id, m.title from character_ c join movie m on m.id = c.movie_id where c.id = ${id} for update of c`);
    if (!target) return { gone: true as const };
    const actors = await tx.execute<{ id: number; name: string }>(sql`
      select p.id, trim(p.first_name || ' ' || p.last_name) as name
      from character_actors ca join person p on p.id = ca.person_id
      where ca.character_id = ${id} order by ca.created_at, p.id`);
    if (!confirmed && actors.length > 0) return { needsConfirmation: { actors: actors.map((a) => a.name) } };
    await tx.execute(sql`delete from character_ where id = ${id}`);
    await touchFilms(tx, [target.movie_id]);
    return { deleted: true as const, name: target.name, movieId: target.movie_id, actorIds: actors.map((a) => a.id) };
  });
}
