"use client";

import Link from "next/link";
import { useActionState, useRef } from "react";
import { Trash2 } from "@/components/ui/icons/trash-2";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import type { DeleteState } from "@/lib/admin-state";

type Props = {
  /** A server action `(previous, formData) => DeleteState`; receives `id` and, once confirmed, `confirm=yes`. */
  action: (previous: DeleteState, formData: FormData) => Promise<DeleteState>;
  id: number;
  /** What is being deleted, e.g. "the genre Drama". */
  what: string;
  /** Extra hidden fields (e.g. the version). */
  hidden?: Record<string, string>;
};

/**
 * Delete with a confirm dialog. The server answers with what still references the row (refused, with links to
 * fix it) or with what would go with it (asks again). Without JavaScript the form posts directly and the server
 * still refuses or asks.
 */
export function DeleteButton({ action, id, what, hidden }: Props) {
  const [state, formAction] = useActionState(action, {});
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        className="inline-flex h-10 items-center gap-2 rounded-full border border-red-500/40 px-4 text-sm font-semibold text-red-700 hover:bg-red-500/10 dark:text-red-300"
      >
        <Trash2 aria-hidden className="size-4" /> Delete
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`delete-${id}-title`}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl border border-border bg-surface p-6 text-foreground shadow-xl backdrop:bg-black/50"
      >
        <h2 id={`delete-${id}-title`} className="text-lg font-semibold">
          Delete {what}?
        </h2>
        <form action={formAction} className="mt-4 space-y-4">
          <input type="hidden" name="id" value={id} />
          {Object.entries(hidden ?? {}).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {state.needsConfirmation ? <input type="hidden" name="confirm" value="yes" /> : null}
          {state.references?.length ? (
            <div data-testid="delete-references">
              <p className="text-sm">It is still used by {state.referenceCount ?? state.references.length}:</p>
              <ul className="mt-2 max-h-48 list-disc space-y-1 overflow-y-auto pl-5 text-sm">
                {state.references.map((ref, i) => (
                  <li key={i}>{ref.href ? <Link href={ref.href} className="text-accent underline-offset-2 hover:underline">{ref.label}</Link> : ref.label}</li>
                ))}
              </ul>
            </div>
          ) : state.needsConfirmation ? (
            <div data-testid="delete-consequences">
              <p className="text-sm">This will also remove:</p>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                {state.needsConfirmation.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="text-sm text-muted">This cannot be undone.</p>
          )}
          <FormMessage message={state.message} ok={state.ok} />
          <div className="flex justify-end gap-2">
            <button type="button" onClick={() => dialog.current?.close()} className="inline-flex h-11 items-center rounded-full border border-border px-5 text-sm font-semibold hover:bg-surface-muted">
              Cancel
            </button>
            {state.references?.length ? null : <SubmitButton variant="danger">{state.needsConfirmation ? "Delete all of it" : "Delete"}</SubmitButton>}
          </div>
        </form>
      </dialog>
    </>
  );
}
