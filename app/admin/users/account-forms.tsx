"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";
import { FormSection } from "@/components/admin/kit";
import type { FormState } from "@/lib/form-state";
import { ROLE_LABELS, ROLES } from "@/lib/validation/admin/user";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;
type Account = { id: number; username: string; email: string; first_name: string; last_name: string };

const PASSWORD_HINT = "8 to 128 characters; common passwords are refused. Give it to the user by a safe channel.";

function NameFields({ values, errors }: { values: { username?: string; email?: string; first_name?: string; last_name?: string }; errors?: Record<string, string> }) {
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <Field name="username" label="Username" autoComplete="off" defaultValue={values.username} error={errors?.username} maxLength={32} />
      <Field name="email" label="Email" type="email" autoComplete="off" defaultValue={values.email} error={errors?.email} maxLength={254} />
      <Field name="first_name" label="First name" autoComplete="off" defaultValue={values.first_name} error={errors?.first_name} maxLength={100} />
      <Field name="last_name" label="Last name" autoComplete="off" defaultValue={values.last_name} error={errors?.last_name} maxLength={100} />
    </div>
  );
}

function RoleSelect({ value }: { value: string }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor="field-role" className="block text-sm font-medium">
        Role
      </label>
      <select
        id="field-role"
        name="role"
        defaultValue={value}
        className="block h-11 w-full rounded-lg border border-border bg-surface px-3 text-base focus:border-accent focus:outline-none focus:ring-2 focus:ring-ring/40 sm:w-60"
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A new account; on success the action goes to the list, filtered on it. */
export function CreateUserForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, {});
  const values = state.values ?? {};
  return (
    <form action={formAction} noValidate data-testid="create-user-form">
      <FormMessage message={state.message} ok={state.ok} />
      <FormSection id="new-user-account" title="Account" description="The same rules as signing up: username and email are unique, whatever their case.">
        <NameFields values={values} errors={state.fieldErrors} />
        {/* Keyed on the answer: React resets a form after its action, and a select to the default it was mounted with. */}
        <RoleSelect key={values.role ?? "user"} value={values.role ?? "user"} />
      </FormSection>
      <FormSection id="new-user-password" title="First password" description="The user signs in with it; they can change it on their account page.">
        <Field name="password" label="Password" type="password" autoComplete="new-password" error={state.fieldErrors?.password} hint={PASSWORD_HINT} />
      </FormSection>
      <div className="border-t border-border pt-6">
        <SubmitButton>Create user</SubmitButton>
      </div>
    </form>
  );
}

export function EditUserForm({ action, account }: { action: Action; account: Account }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-5" data-testid="edit-user-form">
      <FormMessage message={state.message} ok={state.ok} />
      <input type="hidden" name="id" value={account.id} />
      <NameFields values={state.values ?? account} errors={state.fieldErrors} />
      <SubmitButton>Save</SubmitButton>
    </form>
  );
}

/** A temporary password the user must replace at their next sign-in (password fields are never sent back). */
export function ResetPasswordForm({ action, id }: { action: Action; id: number }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-5" data-testid="reset-password-form">
      <FormMessage message={state.message} ok={state.ok} />
      <input type="hidden" name="id" value={id} />
      <Field name="password" label="Temporary password" type="password" autoComplete="new-password" error={state.fieldErrors?.password} hint={PASSWORD_HINT} />
      <SubmitButton variant="secondary">Reset password</SubmitButton>
    </form>
  );
}
