"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  createMovie,
  deleteMovie,
  getEditableMovie,
  resolveMovieReferences,
  unknownReferenceErrors,
  updateMovie,
} from "@/db/queries/admin/movies";
import type { DeleteState, SaveState } from "@/lib/admin-state";
import { authorizeEditor } from "@/lib/session";
import { movieHref } from "@/lib/slug";
import { movieDeleteSchema, readMovieForm, validateMovieForm } from "@/lib/validation/admin/movie";
import { versionField } from "@/lib/validation/admin/version";
import { conflictRows, idOf, rawReferencedIds, savedMovieValues, typedMovieValues } from "./form-values";

const FIX_FIELDS = "Please correct the highlighted fields.";

/** The public pages that show a movie, and the admin list: they show the change on their next load. */
function revalidateMoviePages(movie: { id: number; title: string } | null) {
  if (movie) {
    revalidatePath(movieHref(movie));
    revalidatePath(`/admin/movies/${movie.id}`);
  }
  revalidatePath("/movies");
  revalidatePath("/");
  revalidatePath("/admin/movies");
  revalidatePath("/admin");
}

/**
 * Reads and checks a submitted movie form: the schema, then whether every picked id names something. On failure
 * the state to return (field errors, and everything typed with picked people, country, poster and genres by
 * name); on success the data and the typed values.
 */
async function checkMovieForm(formData: FormData) {
  const raw = readMovieForm(formData);
  const parsed = validateMovieForm(raw);
  const refs = await resolveMovieReferences(rawReferencedIds(raw));
  const values = { ...typedMovieValues(raw, refs), ...(raw.version ? { version: raw.version } : {}) };
  const fieldErrors = { ...(parsed.fieldErrors ?? {}), ...(parsed.data ? unknownReferenceErrors(parsed.data, refs) : {}) };
  if (!parsed.data || Object.keys(fieldErrors).length) {
    return { raw, values, failed: { message: FIX_FIELDS, fieldErrors, values } satisfies SaveState };
  }
  return { raw, values, data: parsed.data };
}

export async function createMovieAction(_previous: SaveState, formData: FormData): Promise<SaveState> {
  const auth = await authorizeEditor();
  if (auth.denied) return auth.denied;
  const form = await checkMovieForm(formData);
  if (!form.data) return form.failed;
  const result = await createMovie(form.data);
  if (!result.ok) {
    return "fieldErrors" in result ? { message: FIX_FIELDS, fieldErrors: result.fieldErrors, values: form.values } : { message: "The movie could not be saved.", values: form.values };
  }
  revalidateMoviePages({ id: result.id, title: form.data.title });
  redirect(`/admin/movies/${result.id}?created=1`);
}

export async function updateMovieAction(_previous: SaveState, formData: FormData): Promise<SaveState> {
  const auth = await authorizeEditor();
  if (auth.denied) return auth.denied;
  const id = idOf(typeof formData.get("id") === "string" ? (formData.get("id") as string) : null);
  if (!id) return { message: "This movie could not be found." };
  const version = versionField.safeParse(formData.get("version"));
  const form = await checkMovieForm(formData);
  if (!version.success) return { message: version.error.issues[0].message, values: form.values };
  if (!form.data) return form.failed;
  const result = await updateMovie(id, version.data, form.data);
  if (result.ok) {
    revalidateMoviePages({ id, title: form.data.title });
    const saved = await getEditableMovie(id);
    return { ok: true, message: "Saved. The public page shows the change.", values: saved ? savedMovieValues(saved) : form.values };
  }
  if ("fieldErrors" in result) return { message: FIX_FIELDS, fieldErrors: result.fieldErrors, values: form.values };
  if ("gone" in result) return { message: "This movie was deleted by someone else. Your changes were not saved.", values: form.values };
  // Someone saved first: nothing written; their values beside ours, and their version so saving again overwrites.
  return {
    message: "This movie was changed by someone else since you opened it. Nothing was saved yet.",
    conflict: { version: result.conflict.version, theirs: conflictRows(result.conflict) },
    values: { ...form.values, version: result.conflict.version },
  };
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export async function deleteMovieAction(_previous: DeleteState, formData: FormData): Promise<DeleteState> {
  const auth = await authorizeEditor();
  if (auth.denied) return auth.denied;
  const parsed = movieDeleteSchema.safeParse({ id: formData.get("id"), confirm: formData.get("confirm") ?? undefined });
  if (!parsed.success) return { message: "This movie could not be found." };
  const outcome = await deleteMovie(parsed.data.id, parsed.data.confirm === "yes");
  if ("gone" in outcome) return { message: "This movie was already deleted." };
  if ("needsConfirmation" in outcome) {
    const { characters, castings, favorites } = outcome.needsConfirmation;
    const lines: string[] = [];
    if (characters > 0) lines.push(`${count(characters, "character")} and their ${count(castings, "casting")}`);
    if (favorites > 0) lines.push(`favorite of ${count(favorites, "user")}`);
    return { needsConfirmation: lines };
  }
  revalidateMoviePages({ id: parsed.data.id, title: outcome.deleted.title });
  redirect(`/admin/movies?deleted=${encodeURIComponent(outcome.deleted.title.slice(0, 120))}`);
}
