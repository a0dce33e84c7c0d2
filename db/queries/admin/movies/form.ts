import "server-only";
import { sql } from "drizzle-orm";
import { MOVIE_LIMITS } from "@/lib/validation/admin/movie";
import { db } from "../../../index";
import { movie } from "../../../schema";
import type { Executor } from "../../toolkit";
import { versionOf } from "../version";

/** What the movie form loads: the film with its genres and cast, and the options of its pickers. */

export type NamedOption = { id: number; name: string };

/** Genres and countries for the list's filters and the form's genre checkboxes (small tables, bounded anyway). */
export async function getMovieFormOptions(): Promise<{ genres: NamedOption[]; countries: NamedOption[] }> {
  const [row] = await db.execute<{ genres: NamedOption[] | null; countries: NamedOption[] | null }>(sql`
    select
      (select json_agg(json_build_object('id', g.id, 'name', g.name) order by lower(g.name)) from (select id, name from genres order by lower(name) limit 500) g) as genres,
      (select json_agg(json_build_object('id', c.id, 'name', c.name) order by lower(c.name)) from (select id, name from countries order by lower(name) limit 1000) c) as countries`);
  return { genres: row?.genres ?? [], countries: row?.countries ?? [] };
}

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

/** A person's name over the row aliased `alias`, as the pickers label it. */
export const personLabel = (alias: string) => sql.raw(`btrim(${alias}.first_name || ' ' || ${alias}.last_name)`);

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
