import "server-only";
import { sql } from "drizzle-orm";
import type { CastRowInput, MovieInput } from "@/lib/validation/admin/movie";
import { db } from "../../../index";
import { movie } from "../../../schema";
import { intArray, isForeignKeyViolation, type Executor } from "../../toolkit";
import { matchesVersion, versionOf } from "../version";
import { getEditableMovie, type EditableMovie } from "./form";
import { referencedIds, resolveMovieReferences, unknownReferences, type MovieReferenceField, type MovieReferences } from "./references";

/** Creating and updating a movie: the film, its genres and its cast in one transaction. */

/**
 * A save's outcome. Every refusal carries what the form's ids named, read once inside the transaction, so the
 * action can put the picked people, country, poster and genres back by name without looking them up again.
 * `unknown`: fields whose ids name nothing (nothing written); `raced`: something referred to was deleted between
 * that check and the write (a foreign key refused it; nothing written); `gone`: the movie was deleted meanwhile;
 * `conflict`: someone saved since the form was loaded (the movie as it is now).
 */
export type SaveMovieResult =
  | { ok: true; id: number; version: string }
  | { ok: false; references: MovieReferences; unknown: MovieReferenceField[] }
  | { ok: false; references: MovieReferences; raced: true }
  | { ok: false; references: MovieReferences; gone: true }
  | { ok: false; references: MovieReferences; conflict: EditableMovie };

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

async function writeGenres(tx: Executor, movieId: number, genreIds: number[]) {
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
async function writeCast(tx: Executor, movieId: number, cast: CastRowInput[]) {
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

const NOTHING_RESOLVED: MovieReferences = { people: new Map(), country: null, poster: null, genres: new Map() };

/**
 * Runs a save in one transaction after checking, inside it, every id the form refers to: the one lookup of the
 * references per save. A foreign key that still refuses (a reference deleted meanwhile) is `raced`, never a 500.
 */
async function saveChecked(
  input: MovieInput,
  write: (tx: Executor, references: MovieReferences) => Promise<SaveMovieResult>,
): Promise<SaveMovieResult> {
  let references = NOTHING_RESOLVED;
  try {
    return await db.transaction(async (tx) => {
      references = await resolveMovieReferences(referencedIds(input), tx);
      const unknown = unknownReferences(input, references);
      if (unknown.length) return { ok: false, references, unknown };
      return write(tx, references);
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) return { ok: false, references, raced: true };
    throw error;
  }
}

/** Creates a movie with its genres and cast (one transaction). */
export function createMovie(input: MovieInput): Promise<SaveMovieResult> {
  return saveChecked(input, async (tx) => {
    const [row] = await tx.execute<{ id: number; version: string }>(sql`
      insert into movie (title, description, release_date, duration, budget, director_id, country_id, poster_id)
      values (${input.title}, ${input.description}, ${input.release_date}, ${input.duration}, ${input.budget}, ${input.director_id}, ${input.country_id}, ${input.poster_id})
      returning id, ${versionOf(movie.updated_at)} as version`);
    await writeGenres(tx, row.id, input.genre_ids);
    if (input.cast) await writeCast(tx, row.id, input.cast);
    return { ok: true, id: row.id, version: row.version };
  });
}

/**
 * Saves the movie if it is still at `version` (nobody saved since the form was loaded): movie, genres and cast in
 * one transaction. Otherwise nothing is written and the answer is `gone` (deleted meanwhile) or `conflict` with
 * the movie as it is now.
 */
export function updateMovie(id: number, version: string, input: MovieInput): Promise<SaveMovieResult> {
  return saveChecked(input, async (tx, references) => {
    const columns = movieColumns(input);
    const [row] = await tx.execute<{ id: number; version: string }>(sql`
      update movie set title = ${columns.title}, description = ${columns.description}, release_date = ${columns.release_date},
        duration = ${columns.duration}, budget = ${columns.budget}, director_id = ${columns.director_id},
        country_id = ${columns.country_id}, poster_id = ${columns.poster_id}
      where id = ${id} and ${matchesVersion(movie.updated_at, version)}
      returning id, ${versionOf(movie.updated_at)} as version`);
    if (!row) {
      const current = await getEditableMovie(id, tx);
      return current ? { ok: false, references, conflict: current } : { ok: false, references, gone: true };
    }
    await writeGenres(tx, id, input.genre_ids);
    if (input.cast) await writeCast(tx, id, input.cast);
    return { ok: true, id, version: row.version };
  });
}
