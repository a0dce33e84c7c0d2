"use client";

import { useActionState } from "react";
import { ConflictNotice } from "@/components/admin/conflict-notice";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";
import type { SaveState } from "@/lib/admin-state";
import { TAXONOMY, type TaxonomyKind } from "@/lib/validation/admin/taxonomy";

type Props = {
  kind: TaxonomyKind;
  action: (previous: SaveState, formData: FormData) => Promise<SaveState>;
  /** The row being edited (absent when creating) and the version it was loaded at. */
  item?: { id: number; name: string; version: string };
};

/**
 * Create or rename a genre or country. Editing carries the loaded version; when someone else saved first, the
 * notice shows their name beside the typed one, and the form now carries their version so saving again
 * overwrites knowingly.
 */
export function TaxonomyForm({ kind, action, item }: Props) {
  const [state, formAction] = useActionState(action, {});
  const { one, many, nameMax } = TAXONOMY[kind];
  const version = state.values?.version ?? item?.version;
  return (
    <>
      {state.conflict ? <ConflictNotice conflict={state.conflict} typed={state.values} /> : null}
      {/* A new version (after a save or a conflict) re-applies the defaults below. */}
      <form key={version ?? "new"} action={formAction} noValidate className="max-w-xl space-y-5" aria-label={item ? `Edit ${one}` : `New ${one}`}>
        {/* On a conflict the notice above says it all. */}
        {state.conflict ? null : <FormMessage message={state.message} ok={state.ok} />}
        {item ? (
          <>
            <input type="hidden" name="id" value={item.id} />
            <input type="hidden" name="version" value={version} />
          </>
        ) : null}
        <Field
          name="name"
          label="Name"
          defaultValue={state.values?.name ?? item?.name ?? ""}
          error={state.fieldErrors?.name}
          hint={`Up to ${nameMax} characters. Two ${many} cannot share a name, whatever the case.`}
          required
          maxLength={nameMax}
          autoComplete="off"
        />
        {state.fieldErrors?.version ? <p className="text-sm text-red-600 dark:text-red-400">{state.fieldErrors.version}</p> : null}
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton>{item ? (state.conflict ? "Save mine anyway" : "Save") : `Create ${one}`}</SubmitButton>
          {state.conflict ? <span className="text-sm text-muted">or reload the page to take theirs.</span> : null}
        </div>
      </form>
    </>
  );
}
