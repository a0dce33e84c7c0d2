import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ChevronLeft } from "@/components/ui/icons/chevron-left";
import { ExternalLink } from "@/components/ui/icons/external-link";
import { AdminHeader, ButtonLink } from "@/components/admin/kit";
import { PersonDeleteButton, PersonEditor } from "@/components/admin/person-form";
import { getPersonForEdit } from "@/db/queries/admin/people/form";
import { formatNumber, plural } from "@/lib/format";
import { requireEditor } from "@/lib/session";
import { personHref } from "@/lib/slug";
import { first } from "@/lib/validation/admin/person";
import { parseExactId } from "@/lib/ids";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Shared by the metadata and the page (one statement per request).
const loadPerson = cache(async (segment: string) => {
  const id = parseExactId(segment);
  return id === null ? null : getPersonForEdit(id);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const person = await loadPerson((await params).id);
  return { title: person ? `Edit ${person.name}` : "Person not found" };
}

const editedFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function EditPersonPage({ params, searchParams }: Props) {
  await requireEditor();
  const person = await loadPerson((await params).id);
  if (!person) notFound();
  const created = first((await searchParams).created) === "1";
  const credits = [
    person.directedCount ? `directed ${plural(person.directedCount, "film")}` : null,
    person.rolesCount ? `${plural(person.rolesCount, "role")}` : null,
  ].filter(Boolean);

  return (
    <>
      <Link href="/admin/people" className="mb-3 inline-flex items-center gap-1 text-sm text-muted hover:text-foreground">
        <ChevronLeft aria-hidden className="size-4" /> People
      </Link>
      <AdminHeader
        title={person.name}
        description={
          <>
            #{formatNumber(person.id)} · {credits.length ? credits.join(", ") : "no credits yet"} · last edited {editedFormat.format(new Date(person.updatedAt))} UTC
          </>
        }
        actions={
          <>
            <ButtonLink href={personHref(person)} variant="secondary">
              View page <ExternalLink aria-hidden className="size-4" />
            </ButtonLink>
            <PersonDeleteButton id={person.id} name={person.name} />
          </>
        }
      />
      {created ? (
        <p role="status" className="mb-6 rounded-lg bg-emerald-500/10 px-4 py-3 text-sm text-emerald-700 dark:text-emerald-300" data-testid="created-message">
          {person.name} was created. Add photos to the gallery below.
        </p>
      ) : null}
      <PersonEditor person={person} />
    </>
  );
}
