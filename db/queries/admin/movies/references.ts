import "server-only";
import { sql } from "drizzle-orm";
import type { MovieInput } from "@/lib/validation/admin/movie";
import { db } from "../../../index";
import { intArray, type Executor } from "../../toolkit";
import { personLabel, type PickedEntity, type PickedFile } from "./form";

/** What the ids of a submitted movie form name, and the field errors for those that name nothing. */

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

/** A field of the movie form whose id(s) name nothing; `cast.<row>.actor_ids` for a row of the cast grid. */
export type MovieReferenceField = "director_id" | "country_id" | "poster_id" | "genre_ids" | `cast.${number}.actor_ids`;

/** The fields of a valid form whose ids name nothing (tampered, or deleted meanwhile); the action words them. */
export function unknownReferences(input: MovieInput, refs: MovieReferences): MovieReferenceField[] {
  const fields: MovieReferenceField[] = [];
  if (input.director_id !== null && !refs.people.has(input.director_id)) fields.push("director_id");
  if (input.country_id !== null && refs.country?.id !== input.country_id) fields.push("country_id");
  if (input.poster_id !== null && refs.poster?.id !== input.poster_id) fields.push("poster_id");
  if (input.genre_ids.some((g) => !refs.genres.has(g))) fields.push("genre_ids");
  input.cast?.forEach((row, i) => {
    if (row.actor_ids.some((p) => !refs.people.has(p))) fields.push(`cast.${i}.actor_ids`);
  });
  return fields;
}

export function referencedIds(input: Pick<MovieInput, "director_id" | "country_id" | "poster_id" | "genre_ids" | "cast">) {
  const personIds = new Set<number>();
  if (input.director_id !== null) personIds.add(input.director_id);
  for (const row of input.cast ?? []) for (const p of row.actor_ids) personIds.add(p);
  return { personIds: [...personIds], countryId: input.country_id, posterId: input.poster_id, genreIds: input.genre_ids };
}
