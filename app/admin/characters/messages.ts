import type { CharacterReferenceField, CharacterReferenceRefusal } from "@/db/queries/admin/characters";

/** How the character actions word what the queries answer (db/queries/admin/characters.ts returns no sentences). */

/** What the form says beside a picked movie or actor that names nothing. */
export function referenceErrors(refusal: CharacterReferenceRefusal): Record<string, string> {
  if ("raced" in refusal) return { [refusal.raced]: "This no longer exists: choose again." };
  const said: Record<CharacterReferenceField, string> = {
    movie_id: "This movie does not exist: choose one from the list.",
    actor_ids: "One of these actors does not exist any more: choose them again.",
  };
  return Object.fromEntries(refusal.unknown.map((field) => [field, said[field]]));
}

/** "its 2 actor links (Marlon Brando, Robert De Niro); the people themselves stay": five names at most. */
export function actorLinksLine(actors: string[]): string {
  const shown = actors.slice(0, 5);
  const more = actors.length > shown.length ? ` and ${actors.length - shown.length} more` : "";
  return `${actors.length === 1 ? "its actor link" : `its ${actors.length} actor links`} (${shown.join(", ")}${more}); the people themselves stay`;
}
