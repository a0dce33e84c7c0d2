"use client";

import Link from "next/link";
import { useActionState } from "react";
import { signInAction, signUpAction } from "@/app/(auth)/actions";
import { preloadMemberMenu } from "@/components/layout/user-menu";
import { Field, FormMessage, SubmitButton } from "@/components/ui/form";
import type { FormState } from "@/lib/form-state";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState<FormState, FormData>(signInAction, {});
  return (
    <form action={action} onSubmit={preloadMemberMenu} className="space-y-5" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormMessage message={state.message} ok={state.ok} />
      <Field name="login" label="Username or email" autoComplete="username" defaultValue={state.values?.login} error={state.fieldErrors?.login} required />
      <Field name="password" label="Password" type="password" autoComplete="current-password" error={state.fieldErrors?.password} required />
      <SubmitButton>Sign in</SubmitButton>
      <p className="text-sm text-muted">
        New to Marquee?{" "}
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-accent-strong hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState<FormState, FormData>(signUpAction, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} onSubmit={preloadMemberMenu} className="space-y-5" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormMessage message={state.message} ok={state.ok} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field name="first_name" label="First name" autoComplete="given-name" defaultValue={v.first_name} error={e.first_name} required maxLength={100} />
        <Field name="last_name" label="Last name" autoComplete="family-name" defaultValue={v.last_name} error={e.last_name} required maxLength={100} />
      </div>
      <Field name="username" label="Username" autoComplete="username" defaultValue={v.username} error={e.username} hint="3 to 32 letters, digits, dots, dashes or underscores." required maxLength={32} />
      <Field name="email" label="Email" type="email" autoComplete="email" defaultValue={v.email} error={e.email} required maxLength={254} />
      <Field name="password" label="Password" type="password" autoComplete="new-password" error={e.password} hint="8 to 128 characters; spaces and emoji welcome; common passwords are refused." required />
      <SubmitButton>Create account</SubmitButton>
      <p className="text-sm text-muted">
        Already have an account?{" "}
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-accent-strong hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
