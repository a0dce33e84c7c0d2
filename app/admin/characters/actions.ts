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
import { parseForm, typedValues } from "@/lib/action";
import type { DeleteState, SaveState } from "@/lib/admin-state";
import { authorizeEditor } from "@/lib/session";
import { characterHref } from "@/lib/slug";
import { characterCreateSchema, characterDeleteSchema, characterUpdateSchema } from "@/lib/validation/admin/character";

/** A save of the character form: on success the new version. */
export type CharacterSaveState = SaveState & { savedVersion?: string };

const FIX_FIELDS = "Please correct the highlighted fields.";

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

export async function createCharacterAction(_previous: CharacterSaveState, formData: FormData): Promise<CharacterSaveState> {
  const auth = await authorizeEditor();
  if (auth.denied) return auth.denied;
  const parsed = parseForm(characterCreateSchema, formData);
  if (parsed.state) return parsed.state;
  const result = await createCharacter(parsed.data);
  if ("fieldErrors" in result) return { message: FIX_FIELDS, fieldErrors: result.fieldErrors, values: typedValues(formData) };
  revalidateCharacterPages({ id: result.id, name: parsed.data.name }, [parsed.data.movie_id]);
  redirect(`/admin/characters/${result.id}?created=1`);
}

export async function updateCharacterAction(_previous: CharacterSaveState, formData: FormData): Promise<CharacterSaveState> {
  const auth = await authorizeEditor();
  if (auth.denied) return auth.denied;
  const parsed = parseForm(characterUpdateSchema, formData, { hidden: ["id", "version"] });
  if (parsed.state) return parsed.state;
  const { id, version, ...input } = parsed.data;
  const values = typedValues(formData);
  const result = await updateCharacter(id, version, input);
  if ("ok" in result) {
    revalidateCharacterPages({ id, name: input.name }, [result.movieId, result.previousMovieId]);
    return { ok: true, message: "Saved. The public page shows the change.", values: { ...values, version: result.version }, savedVersion: result.version };
  }
  if ("fieldErrors" in result) return { message: FIX_FIELDS, fieldErrors: result.fieldErrors, values };
  if ("gone" in result) return { message: "This character was deleted by someone else. Your changes were not saved.", values };
  const labels = await getCharacterChoiceLabels(input.movie_id, input.actor_ids);
  return {
    message: "This character was changed by someone else since you opened it. Nothing was saved yet.",
    conflict: { version: result.conflict.version, theirs: conflictRows(result.conflict) },
    values: { ...values, ...labels, version: result.conflict.version },
  };
}

export async function deleteCharacterAction(_previous: DeleteState, formData: FormData): Promise<DeleteState> {
  const auth = await authorizeEditor();
  if (auth.denied) return auth.denied;
  const parsed = characterDeleteSchema.safeParse({ id: formData.get("id") ?? undefined, confirm: formData.get("confirm") ?? undefined });
  if (!parsed.success) return { message: "This character could not be found." };
  const outcome = await deleteCharacter(parsed.data.id, parsed.data.confirm === "yes");
  if ("gone" in outcome) return { message: "This character was already deleted." };
  if ("needsConfirmation" in outcome) return { needsConfirmation: outcome.needsConfirmation };
  revalidateCharacterPages({ id: parsed.data.id, name: outcome.name }, [outcome.movieId]);
  redirect(`/admin/characters?deleted=${encodeURIComponent(outcome.name.slice(0, 120))}`);
}
