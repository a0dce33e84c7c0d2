import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  createTaxonomyItem,
  deleteTaxonomyItem,
  mergeTaxonomyItems,
  previewTaxonomyMerge,
  updateTaxonomyItem,
} from "@/db/queries/admin/taxonomy";
import { ActionRefusal, editorAction } from "@/lib/action";
import { FIX_FIELDS } from "@/lib/form-state";
import type { DeleteState, SaveState } from "@/lib/admin-state";
import { formatNumber, plural } from "@/lib/format";
import { TAXONOMY, taxonomySchemas, type TaxonomyKind } from "@/lib/validation/admin/taxonomy";
import { taxonomyReference } from "./messages";

/**
 * The server actions of /admin/genres and /admin/countries, made once for both kinds: genres/actions.ts and
 * countries/actions.ts export `taxonomyActions(kind)`'s members. Editors only (editorAction).
 */

/** Genres and countries show on every film card, filter and index: every public page may change. */
function revalidateTaxonomy(kind: TaxonomyKind) {
  revalidatePath("/", "layout");
  revalidatePath(TAXONOMY[kind].path);
}

/** What the merge form answers: like DeleteState (the target chosen is kept in the form's values). */
export type MergeState = DeleteState;

export function taxonomyActions(kind: TaxonomyKind) {
  const { one, path } = TAXONOMY[kind];
  const schemas = taxonomySchemas(kind);
  const nameTaken = () => new ActionRefusal(FIX_FIELDS, { name: `Another ${one} already has this name (names are compared ignoring case).` });
  const targetGone = () => new ActionRefusal(FIX_FIELDS, { target_id: `That ${one} no longer exists: choose another.` });

  const create = editorAction(schemas.create, async ({ name }): Promise<SaveState> => {
    const outcome = await createTaxonomyItem(kind, name);
    if (outcome === "name-taken") throw nameTaken();
    revalidateTaxonomy(kind);
    redirect(`${path}/${outcome.id}?created=1`);
  });

  const update = editorAction(schemas.update, async ({ id, name, version }, { values }): Promise<SaveState> => {
    const outcome = await updateTaxonomyItem(kind, id, name, version);
    switch (outcome.status) {
      case "name-taken":
        throw nameTaken();
      case "gone":
        throw new ActionRefusal(`This ${one} was deleted by someone else.`);
      case "conflict":
        // The page shows their version (its heading, what uses it) while the form keeps what was typed here.
        revalidatePath(`${path}/${id}`);
        return {
          message: "Not saved: this was changed by someone else since you opened it. Compare, then save again to keep yours.",
          conflict: { version: outcome.current.version, theirs: [{ field: "name", label: "Name", value: outcome.current.name }] },
          values: { ...values, version: outcome.current.version },
        };
      case "saved":
        revalidateTaxonomy(kind);
        return { ok: true, message: `Saved “${name}”.`, values: { ...values, name, version: outcome.version } };
    }
  });

  const remove = editorAction(
    schemas.delete,
    async ({ id }): Promise<DeleteState> => {
      const outcome = await deleteTaxonomyItem(kind, id);
      switch (outcome.status) {
        case "gone":
          return { message: `This ${one} was already deleted by someone else.` };
        case "in-use": {
          const users = [outcome.films ? plural(outcome.films, "film") : null, outcome.people ? plural(outcome.people, "person", "people") : null].filter(Boolean).join(" and ");
          return {
            message: `Not deleted: ${users} still use this ${one}. To move them all to another ${one} and delete this one in a single step, use “Merge into another ${one}”; or change them first.`,
            references: outcome.references.map(taxonomyReference),
            referenceCount: outcome.count,
          };
        }
        case "deleted":
          revalidateTaxonomy(kind);
          redirect(`${path}?deleted=${encodeURIComponent(outcome.name)}`);
      }
    },
    // The delete form is a button: a bad id is "not found", said as the message.
    { failed: (state) => ({ message: state.fieldErrors?.id ?? state.message }) },
  );

  /**
   * Merges one genre or country into another: the first call (no confirm) answers what would move, for the editor
   * to confirm; the call with confirm=yes moves every reference and deletes the source in one transaction.
   */
  const merge = editorAction(schemas.merge, async ({ id, target_id: targetId, confirm }, { values }): Promise<MergeState> => {
    if (id === targetId) throw new ActionRefusal(FIX_FIELDS, { target_id: `Choose another ${one}: a ${one} cannot be merged into itself.` });
    const preview = await previewTaxonomyMerge(kind, id, targetId);
    if (preview === "source-gone") throw new ActionRefusal(`This ${one} was deleted by someone else.`);
    if (preview === "target-gone") throw targetGone();
    if (confirm !== "yes") {
      const lines = [
        kind === "genre"
          ? `${plural(preview.films, "film")} tagged “${preview.source}” will be tagged “${preview.target}” instead${preview.filmsAlready ? ` (${formatNumber(preview.filmsAlready)} already are)` : ""}.`
          : `${plural(preview.films, "film")} from “${preview.source}” will be from “${preview.target}”.`,
        ...(kind === "country" ? [`${plural(preview.people, "person", "people")} from “${preview.source}” will be from “${preview.target}”.`] : []),
        `The ${one} “${preview.source}” will be deleted.`,
      ];
      return { needsConfirmation: lines, values };
    }
    const outcome = await mergeTaxonomyItems(kind, id, targetId);
    if (outcome.status === "source-gone") throw new ActionRefusal(`This ${one} was deleted by someone else.`);
    if (outcome.status === "target-gone") throw targetGone();
    revalidateTaxonomy(kind);
    redirect(`${path}/${targetId}?merged=${encodeURIComponent(outcome.source)}`);
  });

  return { create, update, remove, merge };
}
