import type { Metadata } from "next";
import Link from "next/link";
import { ChevronLeft } from "@/components/ui/icons/chevron-left";
import { AdminHeader } from "@/components/admin/kit";
import { PersonForm } from "@/components/admin/person-form";
import { requireEditor } from "@/lib/session";

export const metadata: Metadata = { title: "New person" };

export default async function NewPersonPage() {
  await requireEditor();
  return (
    <>
      <Link href="/admin/people" className="mb-3 inline-flex items-center gap-1 text-sm text-muted hover:text-foreground">
        <ChevronLeft aria-hidden className="size-4" /> People
      </Link>
      <AdminHeader title="New person" description="The gallery can be filled once the person is created." />
      <PersonForm />
    </>
  );
}
