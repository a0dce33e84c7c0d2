import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signOutAction } from "@/app/(account)/session-actions";
import { PasswordForm } from "@/components/account/account-forms";
import { requirePasswordChanger } from "@/lib/session";
import { safeCallbackPath } from "@/lib/validation/account";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false } };

/**
 * Where a user whose password an admin reset is sent after signing in and from every member page: the account
 * page's password change, asking for the temporary password, then on to where they were going.
 */
export default async function ChangePasswordPage({ searchParams }: PageProps<"/account/password">) {
  const params = await searchParams;
  const raw = Array.isArray(params.callbackUrl) ? params.callbackUrl[0] : params.callbackUrl;
  const callbackUrl = raw ? safeCallbackPath(raw) : "/account";
  const viewer = await requirePasswordChanger(`/account/password?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  // Not (or no longer) required: the account page's own form is the place.
  if (!viewer.must_change_password) redirect(callbackUrl.startsWith("/account/password") ? "/account" : callbackUrl);
  return (
    <div className="mx-auto max-w-xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-semibold tracking-tight">Choose a new password</h1>
      <p className="mb-8 mt-2 text-muted">
        An administrator reset the password of <strong className="text-foreground">{viewer.username}</strong>. Enter the temporary password you were
        given, then a new one of your own; your account pages open again once it is changed.
      </p>
      <PasswordForm currentLabel="Temporary password" continueHref={callbackUrl.startsWith("/account/password") ? "/account" : callbackUrl} />
      <form action={signOutAction} className="mt-8">
        <button type="submit" className="text-sm text-muted underline-offset-2 hover:text-foreground hover:underline">
          Sign out instead
        </button>
      </form>
    </div>
  );
}
