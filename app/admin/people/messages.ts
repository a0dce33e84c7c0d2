import type { PersonCredit } from "@/db/queries/admin/people/delete";
import type { GalleryOutcome } from "@/db/queries/admin/people/gallery";
import type { PersonReferenceField } from "@/db/queries/admin/people/save";
import type { ReferenceRefusal } from "@/db/queries/toolkit";
import type { Reference } from "@/lib/admin-state";

/** How the person and gallery actions word what the queries answer (db/queries/admin/people returns no sentences). */

/** What the form says beside a picked country or main photo that names nothing. */
export function referenceErrors(refusal: ReferenceRefusal<PersonReferenceField>): Record<string, string> {
  if ("raced" in refusal) return { [refusal.raced]: "This no longer exists: choose again." };
  const said: Record<PersonReferenceField, string> = {
    country_id: "This country does not exist: choose one from the list.",
    main_photo_id: "This photo could not be found: upload it again.",
  };
  return Object.fromEntries(refusal.unknown.map((field) => [field, said[field]]));
}

/** "Film 12 (2001): director", "Film 1 (1990): as Himself", linking to the film's admin page. */
export function creditReference(credit: PersonCredit): Reference {
  const year = credit.year === null ? "" : ` (${credit.year})`;
  return { label: `${credit.title}${year}: ${credit.character === null ? "director" : `as ${credit.character}`}`, href: `/admin/movies/${credit.movieId}` };
}

/** What goes with a person, for the delete confirmation: "3 gallery photos", "the main photo". */
export function photoLines({ galleryPhotos, mainPhoto }: { galleryPhotos: number; mainPhoto: boolean }): string[] {
  return [...(galleryPhotos > 0 ? [`${galleryPhotos} gallery ${galleryPhotos === 1 ? "photo" : "photos"}`] : []), ...(mainPhoto ? ["the main photo"] : [])];
}

/** A gallery change that changed nothing, in one line. */
export function galleryRefusal(refused: Extract<GalleryOutcome, { refused: string }>["refused"]): string {
  switch (refused) {
    case "photo-missing":
      return "A photo could not be found: upload it again.";
    case "raced":
      return "A photo or the person was deleted meanwhile: reload the page.";
    case "not-in-gallery":
      return "This photo is not in the gallery.";
  }
}
