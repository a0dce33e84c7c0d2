import type { ConflictRow } from "@/lib/conflict";
import type { FormState } from "@/lib/form-state";

/** A row that references what an editor is deleting, with a link to go and fix it. */
export type Reference = { label: string; href?: string };

/**
 * What an admin delete action answers. Refused: `references` says what still uses the row (first few, with
 * `referenceCount` for all) — nothing was deleted. Deletes that take dependent rows with them (a movie's cast
 * and favorites) must be confirmed: the action answers `needsConfirmation` with what will go, and deletes only
 * when called again with `confirm=yes`.
 */
export type DeleteState = FormState & { references?: Reference[]; referenceCount?: number; needsConfirmation?: string[] };

/**
 * What an admin save action answers on a concurrent edit: the other person's saved values of the fields they
 * changed since this form loaded, beside the ones typed here (which come back in `values`, so nothing is lost),
 * their version, so saving again overwrites knowingly, and `loaded`: their row's lines, which the form carries from
 * then on (lib/conflict.ts).
 */
export type SaveState = FormState & { conflict?: { version: string; theirs: ConflictRow[]; loaded?: string } };
