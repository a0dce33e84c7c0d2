"use server";

import { createTaxonomyAction, deleteTaxonomyAction, mergeTaxonomyAction, updateTaxonomyAction, type MergeState } from "@/lib/admin-taxonomy";
import type { DeleteState, SaveState } from "@/lib/admin-state";
import { authorizeEditor } from "@/lib/session";

// Public endpoints: each checks its caller first (the shared implementations check again; getViewer is cached).

export async function createCountryAction(_previous: SaveState, formData: FormData): Promise<SaveState> {
  const auth = await authorizeEditor();
  if (auth.denied) return auth.denied;
  return createTaxonomyAction("country", formData);
}

export async function updateCountryAction(_previous: SaveState, formData: FormData): Promise<SaveState> {
  const auth = await authorizeEditor();
  if (auth.denied) return auth.denied;
  return updateTaxonomyAction("country", formData);
}

export async function deleteCountryAction(_previous: DeleteState, formData: FormData): Promise<DeleteState> {
  const auth = await authorizeEditor();
  if (auth.denied) return auth.denied;
  return deleteTaxonomyAction("country", formData);
}

/** First call: what would move (to confirm); with confirm=yes: moves everything and deletes this country. */
export async function mergeCountryAction(_previous: MergeState, formData: FormData): Promise<MergeState> {
  const auth = await authorizeEditor();
  if (auth.denied) return auth.denied;
  return mergeTaxonomyAction("country", formData);
}
