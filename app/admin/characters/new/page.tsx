import type { Metadata } from "next";
import Link from "next/link";
import { ChevronLeft } from "@/components/ui/icons/chevron-left";
import { CharacterForm } from "@/components/admin/character-form";
import { AdminHeader } from "@/components/admin/kit";
import { getMoviePick } from "@/db/queries/admin/characters";
import { requireEditor } from "@/lib/session";
import { first } from "@/lib/validation/admin/person";
import { parseExactId } from "@/lib/ids";

export const metadata: Metadata = { title: "New character" };

/** ?movie=<id> starts the form in that movie (a link from a movie's admin page). */
export default async function NewCharacterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireEditor();
  const movieId = parseExactId(first((await searchParams).movie));
  const movie = movieId === null ? null : await getMoviePick(movieId);
  return (
    <>
      <Link href="/admin/characters" className="mb-3 inline-flex items-center gap-1 text-sm text-muted hover:text-foreground">
        <ChevronLeft aria-hidden className="size-4" /> Characters
      </Link>
      <AdminHeader title="New character" description={movie ? `In ${movie.label}.` : "A character belongs to one movie."} />
      <CharacterForm movie={movie} />
    </>
  );
}
