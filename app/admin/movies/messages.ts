import type { MovieDeleteConsequences } from "@/db/queries/admin/movies/delete";
import type { MovieReferenceField } from "@/db/queries/admin/movies/references";
import { plural } from "@/lib/format";

/** How the movie actions word what the queries answer (db/queries/admin/movies returns no sentences). */

/** What the form says beside a field whose picked id names nothing (tampered, or deleted meanwhile). */
export function unknownReferenceErrors(fields: MovieReferenceField[]): Record<string, string> {
  const said: Record<string, string> = {
    director_id: "This person does not exist (any more): choose the director again.",
    country_id: "This country does not exist (any more): choose it again.",
    poster_id: "This image is no longer available: upload it again.",
    genre_ids: "One of these genres does not exist (any more): reload the page.",
  };
  return Object.fromEntries(fields.map((field) => [field, said[field] ?? "One of these actors does not exist (any more): choose them again."]));
}

/** Said when a foreign key refused the save: a reference was deleted between the check and the write. */
export const RACED = "Something this film refers to was deleted meanwhile: check the pickers and save again.";

/** What goes with a movie, for the delete confirmation: "2 characters and their 3 castings", "favorite of 1 user". */
export function deleteConsequenceLines({ characters, castings, favorites }: MovieDeleteConsequences): string[] {
  return [
    ...(characters > 0 ? [`${plural(characters, "character")} and their ${plural(castings, "casting")}`] : []),
    ...(favorites > 0 ? [`favorite of ${plural(favorites, "user")}`] : []),
  ];
}
