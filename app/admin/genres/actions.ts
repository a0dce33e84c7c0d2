"use server";

import { createTaxonomyAction, deleteTaxonomyAction, mergeTaxonomyAction, updateTaxonomyAction, type MergeState } from "@/lib/admin-taxonomy";
import type { DeleteState, SaveState } from "@/lib/admin-state";
import { authorizeEditor } from "@/lib/session";

// Public endpoints: each checks its caller first (the shared implementations check again; getViewer is cached).

export async function createGenreAction(_previous: SaveState, formData: FormData): Promise<SaveState> {
  const auth = await authorizeEditor();
  if (auth.denied) return auth.denied;
  return createTaxonomyAction("genre", formData);
}

export async function updateGenreAction(_previous: SaveState, formData: FormData): Promise<SaveState> {
  const auth = await authorizeEditor();
  if (auth.denied) return auth.denied;
  return updateTaxonomyAction("genre", formData);
}

export async function deleteGenreAction(_previous: DeleteState, formData: FormData): Promise<DeleteState> {
  const auth = await authorizeEditor();
  if (auth.denied) return auth.denied;
  return deleteTaxonomyAction("genre", formData);
}

/** First call: what would move (to confirm); with confirm=yes: moves everything and deletes this genre. */
export async function mergeGenreAction(_previous: MergeState, formData: FormData): Promise<MergeState> {
  const auth = await authorizeEditor();
  if (auth.denied) return auth.denied;
  return mergeTaxonomyAction("genre", formData);
}
