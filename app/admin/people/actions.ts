"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  addGalleryPhotos,
  createPerson,
  deletePerson,
  getPersonChoiceLabels,
  getPersonName,
  makeMainPhoto,
  removeGalleryPhoto,
  updatePerson,
  type OrphanFile,
  type PersonForEdit,
  type PhotoRef,
  type VersionChange,
} from "@/db/queries/admin/people";
import { parseForm, typedValues } from "@/lib/action";
import type { DeleteState, SaveState } from "@/lib/admin-state";
import { authorizeEditor } from "@/lib/session";
import { personHref } from "@/lib/slug";
import { getStorage } from "@/lib/storage";
import { galleryAddSchema, galleryPhotoSchema, GENDER_LABELS, personCreateSchema, personDeleteSchema, personUpdateSchema } from "@/lib/validation/admin/person";

/** A save of the person form: on success the new version and the saved main photo, for the editor's state. */
export type PersonSaveState = SaveState & { saved?: { version: string; mainPhoto: PhotoRef | null } };

/** A gallery change: when it changed the person row (the main photo), its version before and after. */
export type GalleryState = { ok?: boolean; message?: string; fieldError?: string; version?: VersionChange; mainPhoto?: PhotoRef | null; done?: number };

const FIX_FIELDS = "Please correct the highlighted fields.";

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

const genderLabel = (gender: string | null) => (gender ? (GENDER_LABELS[gender as keyof typeof GENDER_LABELS] ?? gender) : "");

const fullName = (first: string, last: string) => `${first} ${last}`.trim();

/** Their saved values beside what was typed, for the conflict notice (fields as the form names them). */
function conflictRows(current: PersonForEdit) {
  return [
    { field: "first_name", label: "First name", value: current.first_name },
    { field: "last_name", label: "Last name", value: current.last_name },
    { field: "date_of_birth", label: "Date of birth", value: current.date_of_birth ?? "" },
    { field: "date_of_death", label: "Date of death", value: current.date_of_death ?? "" },
    { field: "gender_label", label: "Gender", value: genderLabel(current.gender) },
    { field: "country", label: "Country", value: current.country?.label ?? "" },
    { field: "main_photo", label: "Main photo", value: current.mainPhoto?.file_name ?? "" },
    { field: "biography", label: "Biography", value: current.biography ?? "" },
  ];
}

export async function createPersonAction(_previous: PersonSaveState, formData: FormData): Promise<PersonSaveState> {
  const auth = await authorizeEditor();
  if (auth.denied) return auth.denied;
  const parsed = parseForm(personCreateSchema, formData);
  if (parsed.state) return parsed.state;
  const result = await createPerson(parsed.data);
  if ("fieldErrors" in result) return { message: FIX_FIELDS, fieldErrors: result.fieldErrors, values: typedValues(formData) };
  revalidatePersonPages({ id: result.id, name: fullName(parsed.data.first_name, parsed.data.last_name) });
  redirect(`/admin/people/${result.id}?created=1`);
}

export async function updatePersonAction(_previous: PersonSaveState, formData: FormData): Promise<PersonSaveState> {
  const auth = await authorizeEditor();
  if (auth.denied) return auth.denied;
  const parsed = parseForm(personUpdateSchema, formData, { hidden: ["id", "version"] });
  if (parsed.state) return parsed.state;
  const { id, version, ...input } = parsed.data;
  const values = typedValues(formData);
  const result = await updatePerson(id, version, input);
  if ("ok" in result) {
    revalidatePersonPages({ id, name: fullName(input.first_name, input.last_name) });
    return { ok: true, message: "Saved. The public page shows the change.", values: { ...values, version: result.version }, saved: { version: result.version, mainPhoto: result.mainPhoto } };
  }
  if ("fieldErrors" in result) return { message: FIX_FIELDS, fieldErrors: result.fieldErrors, values };
  if ("gone" in result) return { message: "This person was deleted by someone else. Your changes were not saved.", values };
  // Someone saved first: nothing written. Their values beside ours (pickers by name), and their version so that
  // saving again overwrites knowingly.
  const labels = await getPersonChoiceLabels(input.country_id, input.main_photo_id);
  return {
    message: "This person was changed by someone else since you opened it. Nothing was saved yet.",
    conflict: { version: result.conflict.version, theirs: conflictRows(result.conflict) },
    values: { ...values, ...labels, gender_label: genderLabel(input.gender), version: result.conflict.version },
  };
}

export async function deletePersonAction(_previous: DeleteState, formData: FormData): Promise<DeleteState> {
  const auth = await authorizeEditor();
  if (auth.denied) return auth.denied;
  const parsed = personDeleteSchema.safeParse({ id: formData.get("id") ?? undefined, confirm: formData.get("confirm") ?? undefined });
  if (!parsed.success) return { message: "This person could not be found." };
  const outcome = await deletePerson(parsed.data.id, parsed.data.confirm === "yes");
  if ("gone" in outcome) return { message: "This person was already deleted." };
  if ("references" in outcome) {
    return {
      message: "This person cannot be deleted while they direct or play in films. Change those films first.",
      references: outcome.references,
      referenceCount: outcome.referenceCount,
    };
  }
  if ("needsConfirmation" in outcome) return { needsConfirmation: outcome.needsConfirmation };
  await removeStoredFiles(outcome.removedFiles);
  revalidatePersonPages({ id: parsed.data.id, name: outcome.name });
  redirect(`/admin/people?deleted=${encodeURIComponent(outcome.name.slice(0, 120))}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Gallery
// ---------------------------------------------------------------------------------------------------------------

async function afterGalleryChange(personId: number) {
  const name = await getPersonName(personId);
  revalidatePersonPages(name ? { id: personId, name } : null);
}

const GONE = "This person was deleted by someone else.";

export async function addGalleryPhotosAction(_previous: GalleryState, formData: FormData): Promise<GalleryState> {
  const auth = await authorizeEditor();
  if (auth.denied) return { message: auth.denied.message };
  const parsed = galleryAddSchema.safeParse({ person_id: formData.get("person_id") ?? undefined, file_ids: formData.getAll("file_ids") });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return issue.path[0] === "person_id" ? { message: issue.message } : { fieldError: issue.message, message: issue.message };
  }
  const outcome = await addGalleryPhotos(parsed.data.person_id, parsed.data.file_ids);
  if ("gone" in outcome) return { message: GONE };
  if ("fieldError" in outcome) return { fieldError: outcome.fieldError, message: outcome.fieldError };
  await afterGalleryChange(parsed.data.person_id);
  const added = outcome.added ?? 0;
  return { ok: true, done: Date.now(), message: added === 1 ? "1 photo added to the gallery." : `${added} photos added to the gallery.` };
}

export async function makeMainPhotoAction(_previous: GalleryState, formData: FormData): Promise<GalleryState> {
  const auth = await authorizeEditor();
  if (auth.denied) return { message: auth.denied.message };
  const parsed = galleryPhotoSchema.safeParse({ person_id: formData.get("person_id") ?? undefined, file_id: formData.get("file_id") ?? undefined });
  if (!parsed.success) return { message: parsed.error.issues[0].message };
  const outcome = await makeMainPhoto(parsed.data.person_id, parsed.data.file_id);
  if ("gone" in outcome) return { message: GONE };
  if ("fieldError" in outcome) return { message: outcome.fieldError };
  await afterGalleryChange(parsed.data.person_id);
  return { ok: true, done: Date.now(), message: "This photo is now the main photo.", version: outcome.version, mainPhoto: outcome.mainPhoto };
}

export async function removeGalleryPhotoAction(_previous: GalleryState, formData: FormData): Promise<GalleryState> {
  const auth = await authorizeEditor();
  if (auth.denied) return { message: auth.denied.message };
  const parsed = galleryPhotoSchema.safeParse({ person_id: formData.get("person_id") ?? undefined, file_id: formData.get("file_id") ?? undefined });
  if (!parsed.success) return { message: parsed.error.issues[0].message };
  const outcome = await removeGalleryPhoto(parsed.data.person_id, parsed.data.file_id);
  if ("gone" in outcome) return { message: GONE };
  if ("fieldError" in outcome) return { message: outcome.fieldError };
  await removeStoredFiles(outcome.removedFiles ?? []);
  await afterGalleryChange(parsed.data.person_id);
  return {
    ok: true,
    done: Date.now(),
    message: outcome.mainPhoto === null ? "Photo removed. It was the main photo: the person has none now." : "Photo removed from the gallery.",
    version: outcome.version,
    mainPhoto: outcome.mainPhoto,
  };
}
