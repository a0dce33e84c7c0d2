import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChevronLeft } from "@/components/ui/icons/chevron-left";
import { AdminHeader, FormSection } from "@/components/admin/kit";
import { getUserAccount } from "@/db/queries/admin/user-accounts";
import { parseExactId } from "@/lib/ids";
import { requireAdmin } from "@/lib/session";
import { ROLE_LABELS } from "@/lib/validation/admin/user";
import { resetUserPasswordAction, updateUserAction } from "../account-actions";
import { EditUserForm, ResetPasswordForm } from "../account-forms";

export const metadata: Metadata = { title: "Edit user" };

export default async function EditUserPage({ params }: PageProps<"/admin/users/[id]">) {
  const viewer = await requireAdmin();
  const id = parseExactId((await params).id);
  const account = id === null ? null : await getUserAccount(id);
  if (!account) notFound();
  const isSelf = account.id === viewer.id;
  return (
    <>
      <Link href="/admin/users" className="mb-3 inline-flex items-center gap-1 text-sm text-muted hover:text-foreground">
        <ChevronLeft aria-hidden className="size-4" /> Users
      </Link>
      <AdminHeader title={account.username} description={`${ROLE_LABELS[account.role]}. Role, disabling and deletion are on the list of users.`} />
      <FormSection id="user-account" title="Names and email" description="The same rules as signing up: username and email are unique, whatever their case.">
        <EditUserForm action={updateUserAction} account={account} />
      </FormSection>
      <FormSection
        id="user-password"
        title="Reset password"
        description="Sets a temporary password: the user is signed out everywhere and must choose a new one after signing in with it."
      >
        {isSelf ? (
          <p className="text-sm text-muted">
            Change your own password on{" "}
            <Link href="/account" className="text-accent underline-offset-2 hover:underline">
              your account page
            </Link>
            .
          </p>
        ) : (
          <>
            {account.must_change_password ? (
              <p className="mb-4 text-sm text-amber-700 dark:text-amber-300" data-testid="password-pending">
                {account.username} has not yet replaced the last temporary password.
              </p>
            ) : null}
            <ResetPasswordForm action={resetUserPasswordAction} id={account.id} />
          </>
        )}
      </FormSection>
    </>
  );
}
