"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  createCharacter,
  deleteCharacter,
  getCharacterChoiceLabels,
  updateCharacter,
  type CharacterForEdit,
} from "@/db/queries/admin/characters";
import { ActionRefusal, editorAction } from "@/lib/action";
import { FIX_FIELDS } from "@/lib/form-state";
import type { DeleteState, SaveState } from "@/lib/admin-state";
import { characterHref } from "@/lib/slug";
import { characterCreateSchema, characterDeleteSchema, characterUpdateSchema } from "@/lib/validation/admin/character";
import { actorLinksLine, referenceErrors } from "./messages";

/** A save of the character form: on success the new version. */
export type CharacterSaveState = SaveState & { savedVersion?: string };

/** The pages that show a character: its page, its film's cast, its actors' filmographies, the admin. */
function revalidateCharacterPages(character: { id: number; name: string } | null, movieIds: number[]) {
  if (character) {
    revalidatePath(characterHref(character));
    revalidatePath(`/admin/characters/${character.id}`);
  }
  for (const movieId of new Set(movieIds)) revalidatePath(`/admin/movies/${movieId}`);
  // Films and people are reached under slugs: every such page, on its next load.
  revalidatePath("/(site)/movies/[id]", "page");
  revalidatePath("/(site)/people/[id]", "page");
  revalidatePath("/admin/characters");
  revalidatePath("/admin");
}

function conflictRows(current: CharacterForEdit) {
  return [
    { field: "name", label: "Name", value: current.name },
    { field: "role", label: "Role", value: current.role ?? "" },
    { field: "movie", label: "Movie", value: current.movie.label },
    { field: "actors", label: "Actors", value: current.actors.map((a) => a.label).join(", ") },
    { field: "description", label: "Description", value: current.description ?? "" },
  ];
}

export const createCharacterAction = editorAction(characterCreateSchema, async (input): Promise<CharacterSaveState> => {
  const result = await createCharacter(input);
  if (!("id" in result)) throw new ActionRefusal(FIX_FIELDS, referenceErrors(result));
  revalidateCharacterPages({ id: result.id, name: input.name }, [input.movie_id]);
  redirect(`/admin/characters/${result.id}?created=1`);
});

export const updateCharacterAction = editorAction(
  characterUpdateSchema,
  async ({ id, version, ...input }, { values }): Promise<CharacterSaveState> => {
    const result = await updateCharacter(id, version, input);
    if ("ok" in result) {
      revalidateCharacterPages({ id, name: input.name }, [result.movieId, result.previousMovieId]);
      return { ok: true, message: "Saved. The public page shows the change.", values: { ...values, version: result.version }, savedVersion: result.version };
    }
    if ("unknown" in result || "raced" in result) throw new ActionRefusal(FIX_FIELDS, referenceErrors(result));
    if ("gone" in result) throw new ActionRefusal("This character was deleted by someone else. Your changes were not saved.");
    const labels = await getCharacterChoiceLabels(input.movie_id, input.actor_ids);
    return {
      message: "This character was changed by someone else since you opened it. Nothing was saved yet.",
      conflict: { version: result.conflict.version, theirs: conflictRows(result.conflict) },
      values: { ...values, ...labels, version: result.conflict.version },
    };
  },
  { hidden: ["id", "version"] },
);

export const deleteCharacterAction = editorAction(
  characterDeleteSchema,
  async ({ id, confirm }): Promise<DeleteState> => {
    const outcome = await deleteCharacter(id, confirm === "yes");
    if ("gone" in outcome) return { message: "This character was already deleted." };
    if ("needsConfirmation" in outcome) return { needsConfirmation: [actorLinksLine(outcome.needsConfirmation.actors)] };
    revalidateCharacterPages({ id, name: outcome.name }, [outcome.movieId]);
    redirect(`/admin/characters?deleted=${encodeURIComponent(outcome.name.slice(0, 120))}`);
  },
  { failed: (state, kind) => (kind === "invalid" ? { message: "This character could not be found." } : state) },
);
