"use client";

import { useActionState, useRef } from "react";
import { useFormStatus } from "react-dom";
import { LoaderCircle } from "@/components/ui/icons/loader-circle";
import type { UserRole } from "@/db/schema";
import { ROLE_LABELS, ROLES } from "@/lib/validation/admin/user";
import type { UserActionState } from "./actions";

type Action = (previous: UserActionState, formData: FormData) => Promise<UserActionState>;

const small = "inline-flex h-9 items-center justify-center gap-1.5 rounded-lg px-3 text-sm font-semibold transition disabled:opacity-60";
const styles = {
  secondary: `${small} border border-border bg-surface hover:bg-surface-muted`,
  danger: `${small} border border-red-500/40 text-red-700 hover:bg-red-500/10 dark:text-red-300`,
  dangerSolid: `${small} bg-red-600 text-white hover:bg-red-700`,
};

function Submit({ children, variant = "secondary", name, value }: { children: React.ReactNode; variant?: keyof typeof styles; name?: string; value?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name={name} value={value} disabled={pending} aria-disabled={pending} className={styles[variant]}>
      {pending ? <LoaderCircle aria-hidden className="size-4 animate-spin" /> : null}
      {children}
    </button>
  );
}

function RowMessage({ state }: { state: UserActionState }) {
  return (
    <div aria-live="polite" role="status">
      {state.message ? (
        <p className={`mt-1.5 max-w-72 whitespace-normal text-xs ${state.ok ? "text-emerald-700 dark:text-emerald-300" : "text-red-700 dark:text-red-300"}`} data-testid="user-row-message">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The role select of one user; changing one's own admin role asks for confirmation first. The form is keyed on
 * the answer so that its select shows what the answer says (React 19 resets a form after its action, back to the
 * defaults it was mounted with); the message lives outside it, so screen readers hear it.
 */
export function RoleForm({ action, id, username, role }: { action: Action; id: number; username: string; role: UserRole }) {
  const [state, formAction] = useActionState(action, {});
  const fieldId = `role-${id}`;
  return (
    <div>
      <form key={`${role}:${JSON.stringify(state)}`} action={formAction}>
        <input type="hidden" name="id" value={id} />
        <div className="flex items-center gap-2">
          <label htmlFor={fieldId} className="sr-only">
            Role of {username}
          </label>
          <select
            id={fieldId}
            name="role"
            defaultValue={state.values?.role ?? role}
            className="h-9 rounded-lg border border-border bg-surface px-2 text-sm text-foreground focus:border-accent focus:outline-none focus:ring-2 focus:ring-ring/40"
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
          <Submit>Save</Submit>
        </div>
        {state.needsConfirmation ? (
          <div role="alert" className="mt-2 max-w-72 whitespace-normal rounded-lg border border-amber-500/40 bg-amber-500/10 p-2.5 text-xs" data-testid="role-confirmation">
            <p>{state.needsConfirmation}</p>
            <div className="mt-2">
              <Submit name="confirm" value="yes" variant="danger">
                Yes, change my role
              </Submit>
            </div>
          </div>
        ) : null}
      </form>
      <RowMessage state={state} />
    </div>
  );
}

/** Disable (after a confirm dialog) or re-enable one account. */
export function StatusForm({ action, id, username, disabled, isSelf }: { action: Action; id: number; username: string; disabled: boolean; isSelf: boolean }) {
  const [state, formAction] = useActionState(action, {});
  const dialog = useRef<HTMLDialogElement>(null);
  if (disabled) {
    return (
      <form action={formAction}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="disabled" value="false" />
        <Submit>Re-enable</Submit>
        <RowMessage state={state} />
      </form>
    );
  }
  // Disabling oneself is refused (it would lock the admin out at once): no button for it.
  if (isSelf) return null;
  return (
    <div>
      <button type="button" onClick={() => dialog.current?.showModal()} className={styles.danger}>
        Disable
      </button>
      <RowMessage state={state} />
      <dialog
        ref={dialog}
        aria-labelledby={`disable-${id}-title`}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] whitespace-normal rounded-2xl border border-border bg-surface p-6 text-foreground shadow-xl backdrop:bg-black/50"
      >
        <h2 id={`disable-${id}-title`} className="text-lg font-semibold">
          Disable {username}?
        </h2>
        <p className="mt-2 text-sm text-muted">They are signed out everywhere at once and cannot sign in until an admin re-enables the account. Nothing is deleted.</p>
        <form action={formAction} onSubmit={() => dialog.current?.close()} className="mt-5 flex justify-end gap-2">
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="disabled" value="true" />
          <button type="button" onClick={() => dialog.current?.close()} className={styles.secondary}>
            Cancel
          </button>
          <Submit variant="dangerSolid">Disable {username}</Submit>
        </form>
      </dialog>
    </div>
  );
}

/** Delete one account after a confirm dialog that says what goes with it. Not one's own (no button for it). */
export function DeleteUserForm({ action, id, username }: { action: Action; id: number; username: string }) {
  const [state, formAction] = useActionState(action, {});
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <div>
      <button type="button" onClick={() => dialog.current?.showModal()} className={styles.danger}>
        Delete<span className="sr-only"> {username}</span>
      </button>
      <RowMessage state={state} />
      <dialog
        ref={dialog}
        aria-labelledby={`delete-${id}-title`}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] whitespace-normal rounded-2xl border border-border bg-surface p-6 text-foreground shadow-xl backdrop:bg-black/50"
      >
        <h2 id={`delete-${id}-title`} className="text-lg font-semibold">
          Delete {username}?
        </h2>
        <p className="mt-2 text-sm text-muted">The account, its favorites and its avatar are removed for good. The films stay. This cannot be undone.</p>
        <form action={formAction} onSubmit={() => dialog.current?.close()} className="mt-5 flex justify-end gap-2">
          <input type="hidden" name="id" value={id} />
          <button type="button" onClick={() => dialog.current?.close()} className={styles.secondary}>
            Cancel
          </button>
          <Submit variant="dangerSolid">Delete {username}</Submit>
        </form>
      </dialog>
    </div>
  );
}
