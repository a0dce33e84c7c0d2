"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { Merge } from "@/components/ui/icons/merge";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import type { DeleteState } from "@/lib/admin-state";
import { TAXONOMY, type TaxonomyKind } from "@/lib/validation/admin/taxonomy";

type Props = {
  kind: TaxonomyKind;
  /** A server action: without confirm it answers what would move (needsConfirmation); with confirm=yes it merges. */
  action: (previous: DeleteState, formData: FormData) => Promise<DeleteState>;
  id: number;
  name: string;
  /** Every other genre or country. */
  options: { id: number; name: string }[];
};

/**
 * "Merge into another genre/country": the safe way to get rid of one that is in use. Choosing the target first
 * asks the server what would move; only the confirmation of exactly that target merges.
 */
export function TaxonomyMerge({ kind, action, id, name, options }: Props) {
  const [state, formAction] = useActionState(action, {});
  const dialog = useRef<HTMLDialogElement>(null);
  const { one } = TAXONOMY[kind];

  // A refusal or preview arriving while the dialog is closed (e.g. submitted with Enter) opens it again.
  useEffect(() => {
    if ((state.needsConfirmation || state.message) && !dialog.current?.open) dialog.current?.showModal();
  }, [state]);

  const titleId = `merge-${id}-title`;
  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        disabled={options.length === 0}
        className="inline-flex h-10 items-center gap-2 rounded-full border border-border bg-surface px-4 text-sm font-semibold hover:bg-surface-muted disabled:opacity-60"
      >
        <Merge aria-hidden className="size-4" /> Merge into another {one}…
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl border border-border bg-surface p-6 text-foreground shadow-xl backdrop:bg-black/50"
      >
        <h2 id={titleId} className="text-lg font-semibold">
          Merge “{name}” into another {one}
        </h2>
        <p className="mt-2 text-sm text-muted">
          {kind === "genre"
            ? `Every film tagged “${name}” gets the genre you choose instead; then “${name}” is deleted.`
            : `Every film and person from “${name}” gets the country you choose instead; then “${name}” is deleted.`}
        </p>
        {/* Remounted with each answer: React resets a form after its action, and the select must show the target just reviewed. */}
        <MergeForm key={JSON.stringify(state)} kind={kind} id={id} name={name} options={options} state={state} formAction={formAction} onCancel={() => dialog.current?.close()} />
      </dialog>
    </>
  );
}

type MergeFormProps = Omit<Props, "action"> & { state: DeleteState; formAction: (formData: FormData) => void; onCancel: () => void };

/**
 * The dialog's form. The confirmation (confirm=yes) is sent only while the chosen target is the one the server
 * described: choosing another one asks for a new review first.
 */
function MergeForm({ kind, id, name, options, state, formAction, onCancel }: MergeFormProps) {
  const { one } = TAXONOMY[kind];
  const reviewed = state.values?.target_id;
  const [target, setTarget] = useState(reviewed ?? "");
  const confirming = Boolean(state.needsConfirmation) && reviewed !== undefined && reviewed === target;
  return (
    <form action={formAction} className="mt-4 space-y-4" noValidate>
      <input type="hidden" name="id" value={id} />
      {confirming ? <input type="hidden" name="confirm" value="yes" /> : null}
      <div className="space-y-1.5">
        <label htmlFor={`merge-${id}-target`} className="block text-sm font-medium">
          Merge into
        </label>
        <select
          id={`merge-${id}-target`}
          name="target_id"
          defaultValue={reviewed ?? ""}
          onChange={(e) => setTarget(e.target.value)}
          required
          aria-invalid={state.fieldErrors?.target_id ? true : undefined}
          aria-describedby={state.fieldErrors?.target_id ? `merge-${id}-target-error` : undefined}
          className="block h-11 w-full rounded-lg border border-border bg-surface px-3 text-base focus:border-accent focus:outline-none focus:ring-2 focus:ring-ring/40 aria-[invalid=true]:border-red-500"
        >
          <option value="">Choose a {one}…</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        {state.fieldErrors?.target_id ? (
          <p id={`merge-${id}-target-error`} className="text-sm text-red-600 dark:text-red-400">
            {state.fieldErrors.target_id}
          </p>
        ) : null}
      </div>
      {confirming && state.needsConfirmation ? (
        <div data-testid="merge-consequences" className="rounded-lg bg-surface-muted p-3 text-sm">
          <p className="font-medium">This will happen in one step:</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {state.needsConfirmation.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {state.needsConfirmation ? null : <FormMessage message={state.message} ok={state.ok} />}
      <div className="flex flex-wrap justify-end gap-2">
        <button type="button" onClick={onCancel} className="inline-flex h-11 items-center rounded-full border border-border px-5 text-sm font-semibold hover:bg-surface-muted">
          Cancel
        </button>
        <SubmitButton variant={confirming ? "danger" : "primary"}>{confirming ? `Merge and delete “${name}”` : "Review the merge"}</SubmitButton>
      </div>
    </form>
  );
}
