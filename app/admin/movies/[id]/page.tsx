import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ExternalLink } from "@/components/ui/icons/external-link";
import { AdminHeader, ButtonLink } from "@/components/admin/kit";
import { DeleteMovieButton, MovieForm } from "@/components/admin/movie-form";
import { getEditableMovie, getMovieFormOptions } from "@/db/queries/admin/movies/form";
import { requireEditor } from "@/lib/session";
import { movieHref } from "@/lib/slug";
import { parseExactId } from "@/lib/ids";
import { savedMovieValues } from "../form-values";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const loadMovie = cache(async (segment: string) => {
  const id = parseExactId(segment);
  return id === null ? null : getEditableMovie(id);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const movie = await loadMovie((await params).id);
  return { title: movie ? `Edit ${movie.title}` : "Movie not found" };
}

export default async function EditMoviePage({ params, searchParams }: Props) {
  await requireEditor();
  const [movie, { genres }] = await Promise.all([loadMovie((await params).id), getMovieFormOptions()]);
  if (!movie) notFound();
  const created = (await searchParams).created === "1";
  const year = movie.release_date?.slice(0, 4);

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-muted">
        <Link href="/admin/movies" className="hover:text-foreground hover:underline">
          Movies
        </Link>{" "}
        / Edit
      </nav>
      <AdminHeader
        title={movie.title}
        description={
          <>
            {year ? `${year} · ` : ""}
            {movie.characterCount === 1 ? "1 character" : `${movie.characterCount} characters`} · movie #{movie.id}
          </>
        }
        actions={
          <>
            <ButtonLink href={movieHref(movie)} variant="secondary">
              View public page <ExternalLink aria-hidden className="size-4" />
            </ButtonLink>
            <DeleteMovieButton movieId={movie.id} title={movie.title} />
          </>
        }
      />
      {created ? (
        <p role="status" className="mb-6 rounded-lg bg-emerald-500/10 px-4 py-3 text-sm text-emerald-700 dark:text-emerald-300" data-testid="created-message">
          The movie is created and on its public page. Keep editing here.
        </p>
      ) : null}
      <MovieForm movieId={movie.id} initial={savedMovieValues(movie)} genres={genres} castTooLarge={movie.cast ? undefined : { count: movie.characterCount }} />
    </>
  );
}
