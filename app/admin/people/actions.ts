"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { deletePerson } from "@/db/queries/admin/people/delete";
import type { OrphanFile } from "@/db/queries/admin/people/files";
import { getPersonChoiceLabels, getPersonName, type PersonForEdit, type PhotoRef } from "@/db/queries/admin/people/form";
import { addGalleryPhotos, makeMainPhoto, removeGalleryPhoto, type VersionChange } from "@/db/queries/admin/people/gallery";
import { createPerson, updatePerson } from "@/db/queries/admin/people/save";
import { ActionRefusal, editorAction, type FailureKind } from "@/lib/action";
import { FIX_FIELDS, type FormState } from "@/lib/form-state";
import type { DeleteState, SaveState } from "@/lib/admin-state";
import { changedSinceLoaded, loadedField, loadedLines } from "@/lib/conflict";
import { genderLabel, personConflictRows } from "@/lib/person-conflict";
import { personHref } from "@/lib/slug";
import { getStorage } from "@/lib/storage";
import { creditReference, galleryRefusal, photoLines, referenceErrors } from "./messages";
import { galleryAddSchema, galleryPhotoSchema, personCreateSchema, personDeleteSchema, personUpdateSchema } from "@/lib/validation/admin/person";

/** A save of the person form: on success the new version, the saved main photo and lines, for the editor's state. */
export type PersonSaveState = SaveState & { saved?: { version: string; mainPhoto: PhotoRef | null; loaded: string } };

/** A gallery change: when it changed the person row (the main photo), its version before and after. */
export type GalleryState = { ok?: boolean; message?: string; fieldError?: string; version?: VersionChange; mainPhoto?: PhotoRef | null; done?: number };

/** The pages that show a person: public page and lists, films' casts, the admin. */
function revalidatePersonPages(person: { id: number; name: string } | null) {
  if (person) {
    revalidatePath(personHref(person));
    revalidatePath(`/admin/people/${person.id}`);
  }
  revalidatePath("/people");
  // Films show their director and cast, characters their actors: every such page, on its next load.
  revalidatePath("/(site)/movies/[id]", "page");
  revalidatePath("/(site)/characters/[id]", "page");
  revalidatePath("/");
  revalidatePath("/admin/people");
  revalidatePath("/admin");
}

/** Stored objects of files deleted with the rows; a leftover object only wastes space, so failures are logged. */
async function removeStoredFiles(files: OrphanFile[]) {
  const storage = getStorage();
  for (const file of files) await storage.remove(file.file_key).catch((error) => console.error("could not remove a stored file", file.file_key, error));
}

const fullName = (first: string, last: string) => `${first} ${last}`.trim();

/** Their saved values, for the conflict notice (fields as the form names them). */
const conflictRows = (current: PersonForEdit) =>
  personConflictRows({ ...current, country: current.country?.label ?? "", main_photo: current.mainPhoto?.file_name ?? "" });

export const createPersonAction = editorAction(personCreateSchema, async (input): Promise<PersonSaveState> => {
  const result = await createPerson(input);
  if (!("id" in result)) throw new ActionRefusal(FIX_FIELDS, referenceErrors(result));
  revalidatePersonPages({ id: result.id, name: fullName(input.first_name, input.last_name) });
  redirect(`/admin/people/${result.id}?created=1`);
});

export const updatePersonAction = editorAction(
  personUpdateSchema,
  async ({ id, version, ...input }, { values, formData }): Promise<PersonSaveState> => {
    const result = await updatePerson(id, version, input);
    if ("ok" in result) {
      revalidatePersonPages({ id, name: fullName(input.first_name, input.last_name) });
      const { country } = await getPersonChoiceLabels(input.country_id, null);
      const loaded = loadedLines(personConflictRows({ ...input, country, main_photo: result.mainPhoto?.file_name ?? "" }));
      return { ok: true, message: "Saved. The public page shows the change.", values: { ...values, version: result.version }, saved: { version: result.version, mainPhoto: result.mainPhoto, loaded } };
    }
    if ("unknown" in result || "raced" in result) throw new ActionRefusal(FIX_FIELDS, referenceErrors(result));
    if ("gone" in result) throw new ActionRefusal("This person was deleted by someone else. Your changes were not saved.");
    // Someone saved first: nothing written. Their values beside ours (pickers by name), and their version so that
    // saving again overwrites knowingly.
    const labels = await getPersonChoiceLabels(input.country_id, input.main_photo_id);
    const current = conflictRows(result.conflict);
    return {
      message: "This person was changed by someone else since you opened it. Nothing was saved yet.",
      conflict: { version: result.conflict.version, theirs: changedSinceLoaded(loadedField(formData), current), loaded: loadedLines(current) },
      values: { ...values, ...labels, gender_label: genderLabel(input.gender), version: result.conflict.version },
    };
  },
  { hidden: ["id", "version"] },
);

export const deletePersonAction = editorAction(
  personDeleteSchema,
  async ({ id, confirm }): Promise<DeleteState> => {
    const outcome = await deletePerson(id, confirm === "yes");
    if ("gone" in outcome) return { message: "This person was already deleted." };
    if ("credits" in outcome) {
      return {
        message: "This person cannot be deleted while they direct or play in films. Change those films first.",
        references: outcome.credits.map(creditReference),
        referenceCount: outcome.creditCount,
      };
    }
    if ("needsConfirmation" in outcome) return { needsConfirmation: photoLines(outcome.needsConfirmation) };
    await removeStoredFiles(outcome.removedFiles);
    revalidatePersonPages({ id, name: outcome.name });
    redirect(`/admin/people?deleted=${encodeURIComponent(outcome.name.slice(0, 120))}`);
  },
  { failed: (state, kind) => (kind === "invalid" ? { message: "This person could not be found." } : state) },
);

// ---------------------------------------------------------------------------------------------------------------
// Gallery
// ---------------------------------------------------------------------------------------------------------------

async function afterGalleryChange(personId: number) {
  const name = await getPersonName(personId);
  revalidatePersonPages(name ? { id: personId, name } : null);
}

const GONE = "This person was deleted by someone else.";

/** The gallery's controls answer in one line; a bad file list is also shown beside the upload field. */
function galleryFailure(state: FormState, kind: FailureKind): GalleryState {
  const fieldErrors = state.fieldErrors ?? {};
  if (kind !== "invalid" || fieldErrors.person_id || !fieldErrors.file_ids) return { message: fieldErrors.person_id ?? Object.values(fieldErrors)[0] ?? state.message };
  return { fieldError: fieldErrors.file_ids, message: fieldErrors.file_ids };
}

export const addGalleryPhotosAction = editorAction(
  galleryAddSchema,
  async ({ person_id, file_ids }): Promise<GalleryState> => {
    const outcome = await addGalleryPhotos(person_id, file_ids);
    if ("gone" in outcome) return { message: GONE };
    if ("refused" in outcome) {
      const said = galleryRefusal(outcome.refused);
      return { fieldError: said, message: said };
    }
    await afterGalleryChange(person_id);
    const added = outcome.added ?? 0;
    return { ok: true, done: Date.now(), message: added === 1 ? "1 photo added to the gallery." : `${added} photos added to the gallery.` };
  },
  { failed: galleryFailure },
);

export const makeMainPhotoAction = editorAction(
  galleryPhotoSchema,
  async ({ person_id, file_id }): Promise<GalleryState> => {
    const outcome = await makeMainPhoto(person_id, file_id);
    if ("gone" in outcome) return { message: GONE };
    if ("refused" in outcome) return { message: galleryRefusal(outcome.refused) };
    await afterGalleryChange(person_id);
    return { ok: true, done: Date.now(), message: "This photo is now the main photo.", version: outcome.version, mainPhoto: outcome.mainPhoto };
  },
  { failed: galleryFailure },
);

export const removeGalleryPhotoAction = editorAction(
  galleryPhotoSchema,
  async ({ person_id, file_id }): Promise<GalleryState> => {
    const outcome = await removeGalleryPhoto(person_id, file_id);
    if ("gone" in outcome) return { message: GONE };
    if ("refused" in outcome) return { message: galleryRefusal(outcome.refused) };
    await removeStoredFiles(outcome.removedFiles ?? []);
    await afterGalleryChange(person_id);
    return {
      ok: true,
      done: Date.now(),
      message: outcome.mainPhoto === null ? "Photo removed. It was the main photo: the person has none now." : "Photo removed from the gallery.",
      version: outcome.version,
      mainPhoto: outcome.mainPhoto,
    };
  },
  { failed: galleryFailure },
);
