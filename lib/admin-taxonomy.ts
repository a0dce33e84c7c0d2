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
import { parseForm, typedValues } from "@/lib/action";
import type { DeleteState, SaveState } from "@/lib/admin-state";
import { formatNumber, plural } from "@/lib/format";
import { authorizeEditor } from "@/lib/session";
import { TAXONOMY, taxonomySchemas, type TaxonomyKind } from "@/lib/validation/admin/taxonomy";

/**
 * The server actions of /admin/genres and /admin/countries, written once for both kinds (each actions.ts wraps
 * them). Every one starts with the editor guard, before reading the form.
 */

const FIX = "Please correct the highlighted fields.";

/** Genres and countries show on every film card, filter and index: every public page may change. */
function revalidateTaxonomy(kind: TaxonomyKind) {
  revalidatePath("/", "layout");
  revalidatePath(TAXONOMY[kind].path);
}

function nameTakenMessage(kind: TaxonomyKind) {
  return `Another ${TAXONOMY[kind].one} already has this name (names are compared ignoring case).`;
}

export async function createTaxonomyAction(kind: TaxonomyKind, formData: FormData): Promise<SaveState> {
  const auth = await authorizeEditor();
  if (auth.denied) return auth.denied;
  const parsed = parseForm(taxonomySchemas(kind).create, formData);
  if (parsed.state) return parsed.state;
  const outcome = await createTaxonomyItem(kind, parsed.data.name);
  if (outcome === "name-taken") return { fieldErrors: { name: nameTakenMessage(kind) }, message: FIX, values: typedValues(formData) };
  revalidateTaxonomy(kind);
  redirect(`${TAXONOMY[kind].path}/${outcome.id}?created=1`);
}

export async function updateTaxonomyAction(kind: TaxonomyKind, formData: FormData): Promise<SaveState> {
  const auth = await authorizeEditor();
  if (auth.denied) return auth.denied;
  const parsed = parseForm(taxonomySchemas(kind).update, formData);
  if (parsed.state) return parsed.state;
  const { id, name, version } = parsed.data;
  const values = typedValues(formData);
  const outcome = await updateTaxonomyItem(kind, id, name, version);
  switch (outcome.status) {
    case "name-taken":
      return { fieldErrors: { name: nameTakenMessage(kind) }, message: FIX, values };
    case "gone":
      return { message: `This ${TAXONOMY[kind].one} was deleted by someone else.`, values };
    case "conflict":
      // The page shows their version (its heading, what uses it) while the form keeps what was typed here.
      revalidatePath(`${TAXONOMY[kind].path}/${id}`);
      return {
        message: "Not saved: this was changed by someone else since you opened it. Compare, then save again to keep yours.",
        conflict: { version: outcome.current.version, theirs: [{ field: "name", label: "Name", value: outcome.current.name }] },
        values: { ...values, version: outcome.current.version },
      };
    case "saved":
      revalidateTaxonomy(kind);
      return { ok: true, message: `Saved “${name}”.`, values: { ...values, name, version: outcome.version } };
  }
}

export async function deleteTaxonomyAction(kind: TaxonomyKind, formData: FormData): Promise<DeleteState> {
  const auth = await authorizeEditor();
  if (auth.denied) return auth.denied;
  const parsed = parseForm(taxonomySchemas(kind).delete, formData);
  if (parsed.state) return { message: parsed.state.fieldErrors?.id ?? parsed.state.message };
  const { one, path } = TAXONOMY[kind];
  const outcome = await deleteTaxonomyItem(kind, parsed.data.id);
  switch (outcome.status) {
    case "gone":
      return { message: `This ${one} was already deleted by someone else.` };
    case "in-use": {
      const users = [outcome.films ? plural(outcome.films, "film") : null, outcome.people ? plural(outcome.people, "person", "people") : null].filter(Boolean).join(" and ");
      return {
        message: `Not deleted: ${users} still use this ${one}. To move them all to another ${one} and delete this one in a single step, use “Merge into another ${one}”; or change them first.`,
        references: outcome.references,
        referenceCount: outcome.count,
      };
    }
    case "deleted":
      revalidateTaxonomy(kind);
      redirect(`${path}?deleted=${encodeURIComponent(outcome.name)}`);
  }
}

/** What the merge form answers: like DeleteState, plus the target chosen (kept in the form). */
export type MergeState = DeleteState;

/**
 * Merges one genre or country into another: first call (no confirm) answers what would move, for the editor to
 * confirm; the call with confirm=yes moves every reference and deletes the source in one transaction.
 */
export async function mergeTaxonomyAction(kind: TaxonomyKind, formData: FormData): Promise<MergeState> {
  const auth = await authorizeEditor();
  if (auth.denied) return auth.denied;
  const parsed = parseForm(taxonomySchemas(kind).merge, formData);
  if (parsed.state) return parsed.state;
  const { id, target_id: targetId, confirm } = parsed.data;
  const { one, path } = TAXONOMY[kind];
  const values = typedValues(formData);
  if (id === targetId) return { fieldErrors: { target_id: `Choose another ${one}: a ${one} cannot be merged into itself.` }, message: FIX, values };
  const preview = await previewTaxonomyMerge(kind, id, targetId);
  if (preview === "source-gone") return { message: `This ${one} was deleted by someone else.`, values };
  if (preview === "target-gone") return { fieldErrors: { target_id: `That ${one} no longer exists: choose another.` }, message: FIX, values };
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
  if (outcome.status === "source-gone") return { message: `This ${one} was deleted by someone else.`, values };
  if (outcome.status === "target-gone") return { fieldErrors: { target_id: `That ${one} no longer exists: choose another.` }, message: FIX, values };
  revalidateTaxonomy(kind);
  redirect(`${path}/${targetId}?merged=${encodeURIComponent(outcome.source)}`);
}
