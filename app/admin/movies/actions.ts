"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { deleteMovie } from "@/db/queries/admin/movies/delete";
import { getEditableMovie } from "@/db/queries/admin/movies/form";
import { resolveMovieReferences, type MovieReferences } from "@/db/queries/admin/movies/references";
import { createMovie, updateMovie, type SaveMovieResult } from "@/db/queries/admin/movies/save";
import { editorAction } from "@/lib/action";
import { FIX_FIELDS, type FormState } from "@/lib/form-state";
import type { DeleteState, SaveState } from "@/lib/admin-state";
import { changedSinceLoaded, loadedLines } from "@/lib/conflict";
import { movieHref } from "@/lib/slug";
import { movieDeleteSchema, movieUpdateSchema, readMovieForm, validateMovieForm, type RawMovieForm } from "@/lib/validation/admin/movie";
import { conflictRows, rawReferencedIds, savedMovieValues, typedMovieValues } from "./form-values";
import { deleteConsequenceLines, RACED, unknownReferenceErrors } from "./messages";

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
 * The movie form as submitted: its fields, and its cast grid's rows under their row keys (readMovieForm). It is
 * validated in the action, because a refusal refills the pickers by name and so needs the references looked up.
 */
const movieForm = z.instanceof(FormData, { error: "Send the movie form." }).transform(readMovieForm);

/** What the form is refilled with: the typed values, pickers by name, and the version it was opened at. */
function formValues(raw: RawMovieForm, references: MovieReferences): Record<string, string> {
  return { ...typedMovieValues(raw, references), ...(raw.version ? { version: raw.version } : {}), ...(raw.loaded ? { loaded: raw.loaded } : {}) };
}

/**
 * A form that does not validate: field errors (a bad hidden id or version is the message), and everything typed
 * with the picked people, country, poster and genres by name. The one lookup of references on this path.
 */
async function invalidForm(raw: RawMovieForm, fieldErrors: Record<string, string>): Promise<SaveState> {
  const references = await resolveMovieReferences(rawReferencedIds(raw));
  return { message: fieldErrors.id ?? fieldErrors.version ?? FIX_FIELDS, fieldErrors, values: formValues(raw, references) };
}

/** A refused save, worded; the references came back from the save's own transaction. */
function refusedSave(raw: RawMovieForm, result: Exclude<SaveMovieResult, { ok: true }>): SaveState {
  const values = formValues(raw, result.references);
  if ("unknown" in result) return { message: FIX_FIELDS, fieldErrors: unknownReferenceErrors(result.unknown), values };
  if ("raced" in result) return { message: FIX_FIELDS, fieldErrors: { form: RACED }, values };
  if ("gone" in result) return { message: "This movie was deleted by someone else. Your changes were not saved.", values };
  // Someone saved first: nothing written; the values they changed beside ours, and their version (and lines) so
  // saving again overwrites, and a later conflict lists only what changed after theirs.
  const current = conflictRows(result.conflict);
  const loaded = loadedLines(current);
  return {
    message: "This movie was changed by someone else since you opened it. Nothing was saved yet.",
    conflict: { version: result.conflict.version, theirs: changedSinceLoaded(raw.loaded, current), loaded },
    values: { ...values, version: result.conflict.version, loaded },
  };
}

export const createMovieAction = editorAction(movieForm, async (raw): Promise<SaveState> => {
  const parsed = validateMovieForm(raw);
  if (!parsed.data) return invalidForm(raw, parsed.fieldErrors);
  const result = await createMovie(parsed.data);
  if (!result.ok) return refusedSave(raw, result);
  revalidateMoviePages({ id: result.id, title: parsed.data.title });
  redirect(`/admin/movies/${result.id}?created=1`);
});

export const updateMovieAction = editorAction(movieForm, async (raw): Promise<SaveState> => {
  const parsed = validateMovieForm(raw, movieUpdateSchema);
  if (!parsed.data) return invalidForm(raw, parsed.fieldErrors);
  const { id, version, ...input } = parsed.data;
  const result = await updateMovie(id, version, input);
  if (!result.ok) return refusedSave(raw, result);
  revalidateMoviePages({ id, title: input.title });
  const saved = await getEditableMovie(id);
  return { ok: true, message: "Saved. The public page shows the change.", values: saved ? savedMovieValues(saved) : formValues(raw, await resolveMovieReferences(rawReferencedIds(raw))) };
});


export const deleteMovieAction = editorAction(
  movieDeleteSchema,
  async ({ id, confirm }): Promise<DeleteState> => {
    const outcome = await deleteMovie(id, confirm === "yes");
    if ("gone" in outcome) return { message: "This movie was already deleted." };
    if ("needsConfirmation" in outcome) return { needsConfirmation: deleteConsequenceLines(outcome.needsConfirmation) };
    revalidateMoviePages({ id, title: outcome.deleted.title });
    redirect(`/admin/movies?deleted=${encodeURIComponent(outcome.deleted.title.slice(0, 120))}`);
  },
  { failed: (state: FormState, kind): DeleteState => (kind === "invalid" ? { message: "This movie could not be found." } : state) },
);
