/** The dashboard's data-quality queues: their names in URLs (/admin/quality/<kind>) and their words. */

export const QUALITY_KINDS = [
  "movies-without-poster",
  "movies-without-genres",
  "people-without-photo",
  "people-without-birth-date",
  "characters-without-actor",
  "duplicate-people",
] as const;
export type QualityKind = (typeof QUALITY_KINDS)[number];

export const QUALITY_PAGE_SIZE = 50;
/** Items shown per queue on the dashboard. */
export const QUALITY_PREVIEW_SIZE = 5;

export const QUALITY_LABELS: Record<QualityKind, { title: string; description: string; empty: string }> = {
  "movies-without-poster": { title: "Films without a poster", description: "Newest first. Open a film to upload its poster.", empty: "Every film has a poster." },
  "movies-without-genres": { title: "Films without genres", description: "Newest first. Open a film to choose its genres.", empty: "Every film has at least one genre." },
  "people-without-photo": { title: "People without a photo", description: "Newest first. Open a person to upload a main photo.", empty: "Everyone has a photo." },
  "people-without-birth-date": { title: "People without a birth date", description: "Newest first. Open a person to add the date.", empty: "Everyone has a birth date." },
  "characters-without-actor": { title: "Characters without an actor", description: "Newest first. Open a character to pick who played it.", empty: "Every character has an actor." },
  "duplicate-people": {
    title: "Likely duplicate people",
    description:
      "People added or edited recently whose name closely resembles another person's, with birth dates that don't disagree. Open both to compare and correct the one that is wrong.",
    empty: "No likely duplicates among recently edited people.",
  },
};

export function isQualityKind(value: string): value is QualityKind {
  return (QUALITY_KINDS as readonly string[]).includes(value);
}
