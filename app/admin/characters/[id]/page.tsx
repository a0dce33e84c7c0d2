import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ChevronLeft } from "@/components/ui/icons/chevron-left";
import { ExternalLink } from "@/components/ui/icons/external-link";
import { CharacterDeleteButton, CharacterForm } from "@/components/admin/character-form";
import { AdminHeader, ButtonLink } from "@/components/admin/kit";
import { getCharacterForEdit } from "@/db/queries/admin/characters";
import { requireEditor } from "@/lib/session";
import { characterHref } from "@/lib/slug";
import { first } from "@/lib/validation/admin/person";
import { parseExactId } from "@/lib/ids";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const loadCharacter = cache(async (segment: string) => {
  const id = parseExactId(segment);
  return id === null ? null : getCharacterForEdit(id);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const character = await loadCharacter((await params).id);
  return { title: character ? `Edit ${character.name}` : "Character not found" };
}

const editedFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function EditCharacterPage({ params, searchParams }: Props) {
  await requireEditor();
  const character = await loadCharacter((await params).id);
  if (!character) notFound();
  const created = first((await searchParams).created) === "1";
  return (
    <>
      <Link href="/admin/characters" className="mb-3 inline-flex items-center gap-1 text-sm text-muted hover:text-foreground">
        <ChevronLeft aria-hidden className="size-4" /> Characters
      </Link>
      <AdminHeader
        title={character.name}
        description={
          <>
            In{" "}
            <Link href={`/admin/movies/${character.movie.id}`} className="text-accent underline-offset-2 hover:underline">
              {character.movie.label}
            </Link>{" "}
            · last edited {editedFormat.format(new Date(character.updatedAt))} UTC
          </>
        }
        actions={
          <>
            <ButtonLink href={characterHref(character)} variant="secondary">
              View page <ExternalLink aria-hidden className="size-4" />
            </ButtonLink>
            <CharacterDeleteButton id={character.id} name={character.name} />
          </>
        }
      />
      {created ? (
        <p role="status" className="mb-6 rounded-lg bg-emerald-500/10 px-4 py-3 text-sm text-emerald-700 dark:text-emerald-300" data-testid="created-message">
          {character.name} was created.
        </p>
      ) : null}
      <CharacterForm character={character} />
    </>
  );
}
