import type { Metadata } from "next";
import Link from "next/link";
import { ChevronLeft } from "@/components/ui/icons/chevron-left";
import { AdminHeader } from "@/components/admin/kit";
import { requireAdmin } from "@/lib/session";
import { createUserAction } from "../account-actions";
import { CreateUserForm } from "../account-forms";

export const metadata: Metadata = { title: "New user" };

export default async function NewUserPage() {
  await requireAdmin();
  return (
    <>
      <Link href="/admin/users" className="mb-3 inline-flex items-center gap-1 text-sm text-muted hover:text-foreground">
        <ChevronLeft aria-hidden className="size-4" /> Users
      </Link>
      <AdminHeader title="New user" description="An account with a role and a first password, as if they had signed up." />
      <CreateUserForm action={createUserAction} />
    </>
  );
}
