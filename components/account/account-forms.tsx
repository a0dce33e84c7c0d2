"use client";

import Image from "next/image";
import { useActionState, useEffect, useRef, useState } from "react";
import { UserRound } from "@/components/ui/icons/user-round";
import { changePasswordAction, deleteAccountAction, removeAvatarAction, updateProfileAction, uploadAvatarAction } from "@/app/(account)/account/actions";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";
import { refreshViewer } from "@/components/viewer/viewer-store";
import type { FormState } from "@/lib/form-state";

type Account = { username: string; email: string; first_name: string; last_name: string; avatarUrl: string | null };

export function ProfileForm({ account }: { account: Account }) {
  const [state, action] = useActionState<FormState, FormData>(updateProfileAction, {});
  const v = state.values ?? account;
  return (
    <form action={action} className="space-y-5" noValidate aria-labelledby="profile-heading">
      <FormMessage message={state.message} ok={state.ok} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field name="first_name" label="First name" autoComplete="given-name" defaultValue={v.first_name} error={state.fieldErrors?.first_name} maxLength={100} />
        <Field name="last_name" label="Last name" autoComplete="family-name" defaultValue={v.last_name} error={state.fieldErrors?.last_name} maxLength={100} />
      </div>
      <Field name="email" label="Email" type="email" autoComplete="email" defaultValue={v.email} error={state.fieldErrors?.email} maxLength={254} />
      <SubmitButton>Save profile</SubmitButton>
    </form>
  );
}

export function AvatarForm({ avatarUrl }: { avatarUrl: string | null }) {
  const [state, upload] = useActionState<FormState, FormData>(uploadAvatarAction, {});
  const [removeState, remove] = useActionState<FormState, FormData>(removeAvatarAction, {});
  const [preview, setPreview] = useState<string | null>(null);
  const shown = preview ?? avatarUrl;
  const message = state.message ?? removeState.message;
  return (
    <div className="space-y-4">
      <FormMessage message={message} ok={state.message ? state.ok : removeState.ok} />
      <div className="flex items-center gap-5">
        <div className="relative size-20 shrink-0 overflow-hidden rounded-full bg-surface-muted ring-1 ring-border">
          {shown ? <Image src={shown} alt="Your avatar" fill sizes="80px" className="object-cover" unoptimized /> : <UserRound aria-hidden className="m-5 size-10 text-muted" />}
        </div>
        <form action={upload} className="flex flex-1 flex-wrap items-end gap-3">
          <div className="min-w-0 flex-1 space-y-1.5">
            <label htmlFor="avatar" className="block text-sm font-medium">
              New avatar
            </label>
            <input
              id="avatar"
              name="avatar"
              type="file"
              accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
              aria-describedby="avatar-hint"
              onChange={(e) => {
                const f = e.target.files?.[0];
                setPreview(f ? URL.createObjectURL(f) : null);
              }}
              className="block w-full text-sm file:mr-3 file:rounded-full file:border-0 file:bg-surface-muted file:px-4 file:py-2 file:text-sm file:font-medium"
            />
            <p id="avatar-hint" className="text-xs text-muted">
              JPEG, PNG, WebP, AVIF or GIF, up to 8 MB.
            </p>
          </div>
          <SubmitButton>Upload</SubmitButton>
        </form>
      </div>
      {avatarUrl ? (
        <form action={remove}>
          <SubmitButton variant="secondary">Remove avatar</SubmitButton>
        </form>
      ) : null}
    </div>
  );
}

/** `continueHref`: after a required change (an admin's reset), where the action sends the user on to. */
export function PasswordForm({ currentLabel = "Current password", continueHref }: { currentLabel?: string; continueHref?: string }) {
  const [state, action] = useActionState<FormState, FormData>(changePasswordAction, {});
  const form = useRef<HTMLFormElement>(null);
  // The change signed this browser in again under a new session: the header's island asks who that is.
  useEffect(() => {
    if (state.ok) refreshViewer();
  }, [state]);
  return (
    <form ref={form} action={action} className="space-y-5" noValidate>
      {continueHref ? <input type="hidden" name="callbackUrl" value={continueHref} /> : null}
      <FormMessage message={state.message} ok={state.ok} />
      <Field name="current_password" label={currentLabel} type="password" autoComplete="current-password" error={state.fieldErrors?.current_password} />
      <Field name="new_password" label="New password" type="password" autoComplete="new-password" error={state.fieldErrors?.new_password} hint="8 to 128 characters; common passwords are refused." />
      <Field name="confirm_password" label="Repeat the new password" type="password" autoComplete="new-password" error={state.fieldErrors?.confirm_password} />
      <SubmitButton>Change password</SubmitButton>
    </form>
  );
}

export function DeleteAccountForm() {
  const [state, action] = useActionState<FormState, FormData>(deleteAccountAction, {});
  return (
    <details className="group" open={Boolean(state.message)}>
      <summary className="inline-flex cursor-pointer list-none items-center rounded-full border border-red-500/50 px-5 py-2.5 text-sm font-semibold text-red-600 hover:bg-red-500/10 dark:text-red-400">
        Delete my account…
      </summary>
      <form action={action} className="mt-5 space-y-5" noValidate>
        <p className="text-sm text-muted">This removes your account and your favorites for good. It cannot be undone.</p>
        <FormMessage message={state.message} ok={state.ok} />
        <Field name="password" label="Your password" type="password" autoComplete="current-password" error={state.fieldErrors?.password} />
        <Field name="confirm" label='Type "delete" to confirm' defaultValue={state.values?.confirm} error={state.fieldErrors?.confirm} />
        <SubmitButton variant="danger">Delete my account</SubmitButton>
      </form>
    </details>
  );
}
