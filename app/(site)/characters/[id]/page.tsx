import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ChevronRight } from "@/components/ui/icons/chevron-right";
import { MovieCard } from "@/components/movies/movie-card";
import { PersonCard } from "@/components/people/person-card";
import { getCharacterDetail, type CharacterDetail } from "@/db/queries/movie-detail";
import { formatDate } from "@/lib/format";
import { siteUrl } from "@/lib/site-url";
import { characterHref, movieHref, parseIdSegment, personHref } from "@/lib/slug";
import { roleLabel } from "../../movies/[id]/cast-roles";

export const dynamic = "force-dynamic";

// Shared by generateMetadata and the page; layout.tsx has already answered unknown ids and other spellings.
const loadCharacter = cache(async (segment: string) => {
  const id = parseIdSegment(segment);
  return id === null ? null : getCharacterDetail(id);
});

function movieLabel(character: CharacterDetail) {
  return character.movie.year ? `${character.movie.title} (${character.movie.year})` : character.movie.title;
}

function listNames(names: string[]): string {
  if (names.length <= 2) return names.join(" and ");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

function summary(character: CharacterDetail): string {
  const playedBy = character.actors.length ? `, played by ${listNames(character.actors.map((a) => a.name))}` : "";
  const lead = `${character.name} in ${movieLabel(character)}${playedBy}.`;
  const text = character.description?.trim();
  const full = text ? `${lead} ${text}` : lead;
  return full.length <= 200 ? full : `${full.slice(0, 199).replace(/\s+\S*$/, "")}…`;
}

export async function generateMetadata({ params }: PageProps<"/characters/[id]">): Promise<Metadata> {
  const character = await loadCharacter((await params).id);
  if (!character) return {};
  const origin = await siteUrl();
  const url = new URL(characterHref(character), `${origin}/`).toString();
  const image = character.movie.posterUrl ? new URL(character.movie.posterUrl, `${origin}/`).toString() : null;
  const title = `${character.name} in ${movieLabel(character)}`;
  const description = summary(character);
  const images = image ? [{ url: image, alt: `Poster of ${character.movie.title}` }] : undefined;
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: { type: "website", siteName: "Marquee", url, title, description, images },
    twitter: { card: "summary", title, description, images },
  };
}

export default async function CharacterPage({ params }: PageProps<"/characters/[id]">) {
  const character = await loadCharacter((await params).id);
  if (!character) notFound();
  const { movie } = character;
  const role = roleLabel(character.role);
  const released = formatDate(movie.releaseDate);
  const linkClass = "font-medium text-foreground underline decoration-border underline-offset-4 hover:text-accent-strong hover:decoration-accent";

  return (
    <article className="mx-auto max-w-7xl px-4 pb-16 pt-6 sm:px-6 lg:px-8">
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <ol className="flex min-w-0 items-center gap-1">
          <li className="shrink-0">
            <Link href="/movies" className="rounded-sm hover:text-foreground">
              Movies
            </Link>
          </li>
          <li aria-hidden>
            <ChevronRight className="size-4" />
          </li>
          <li className="min-w-0 truncate">
            <Link href={movieHref(movie)} className="rounded-sm hover:text-foreground">
              {movie.title}
            </Link>
          </li>
          <li aria-hidden>
            <ChevronRight className="size-4" />
          </li>
          <li className="min-w-0 truncate">
            <span aria-current="page">{character.name}</span>
          </li>
        </ol>
      </nav>

      {/* One column on a phone (header, film, actors, other characters); on wider screens the film sits in a side
          column spanning the rows, and the last row absorbs its extra height. */}
      <div className="mt-8 grid gap-x-12 gap-y-10 md:grid-cols-[minmax(0,1fr)_220px] md:grid-rows-[auto_auto_1fr] lg:grid-cols-[minmax(0,1fr)_260px]">
        <header className="min-w-0">
          <p className="text-sm font-medium uppercase tracking-[0.16em] text-accent-strong">{role ? `Character · ${role}` : "Character"}</p>
          <h1 className="mt-2 text-3xl font-semibold tracking-tight text-balance sm:text-4xl lg:text-5xl">{character.name}</h1>
          <p className="mt-3 text-lg text-muted">
            in{" "}
            <Link href={movieHref(movie)} className={linkClass}>
              {movie.title}
            </Link>
            {movie.year ? ` (${movie.year})` : null}
          </p>
          {character.description ? <p className="mt-6 max-w-3xl text-lg leading-relaxed text-pretty">{character.description}</p> : null}
        </header>

        <aside aria-labelledby="film-heading" className="md:col-start-2 md:row-span-3 md:row-start-1">
          <h2 id="film-heading" className="sr-only">
            The film
          </h2>
          <div className="grid grid-cols-[8rem_minmax(0,1fr)] items-start gap-4 md:block">
            <MovieCard priority movie={{ id: movie.id, title: movie.title, year: movie.year, posterUrl: movie.posterUrl, genres: movie.genres }} />
            <dl className="space-y-3 text-sm md:mt-5">
              {movie.director ? (
                <div>
                  <dt className="text-xs font-medium uppercase tracking-[0.12em] text-muted">Director</dt>
                  <dd className="mt-0.5">
                    <Link href={personHref(movie.director)} className={linkClass}>
                      {movie.director.name}
                    </Link>
                  </dd>
                </div>
              ) : null}
              {released ? (
                <div>
                  <dt className="text-xs font-medium uppercase tracking-[0.12em] text-muted">Released</dt>
                  <dd className="mt-0.5">
                    <time dateTime={movie.releaseDate!}>{released}</time>
                  </dd>
                </div>
              ) : null}
            </dl>
          </div>
        </aside>

        <section aria-labelledby="played-by-heading" className="min-w-0 md:col-start-1">
          <h2 id="played-by-heading" className="text-2xl font-semibold tracking-tight">
            Played by
          </h2>
          {character.actors.length ? (
            <ul className="mt-5 grid grid-cols-2 gap-x-4 gap-y-6 sm:grid-cols-3 lg:grid-cols-4">
              {character.actors.map((actor, i) => (
                <li key={actor.id}>
                  <PersonCard
                    priority={i < 4}
                    person={{
                      id: actor.id,
                      name: actor.name,
                      photoUrl: actor.photoUrl,
                      detail: actor.ageAtRelease !== null ? `Age ${actor.ageAtRelease} at release` : null,
                    }}
                  />
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-5 rounded-xl border border-dashed border-border p-8 text-center text-muted">No actor has been credited for this character yet.</p>
          )}
        </section>

        {character.otherCharacters.length ? (
          <section aria-labelledby="others-heading" className="min-w-0 md:col-start-1">
            <h2 id="others-heading" className="text-2xl font-semibold tracking-tight">
              Other characters in {movie.title}
            </h2>
            <ul className="mt-5 divide-y divide-border/70 rounded-xl border border-border/70 bg-surface">
              {character.otherCharacters.map((other) => {
                const otherRole = roleLabel(other.role);
                return (
                  <li key={other.id} className="flex flex-col gap-x-6 gap-y-0.5 px-4 py-3 sm:flex-row sm:items-baseline">
                    <div className="min-w-0 sm:w-2/5 sm:shrink-0">
                      <Link href={characterHref(other)} className="font-medium underline-offset-4 hover:text-accent-strong hover:underline">
                        {other.name}
                      </Link>
                      {otherRole ? <span className="ml-2 text-xs text-muted">{otherRole}</span> : null}
                    </div>
                    <p className="min-w-0 text-sm text-muted">
                      {other.actors.length ? (
                        other.actors.map((actor, i) => (
                          <span key={actor.id}>
                            {i > 0 ? ", " : null}
                            <Link href={personHref(actor)} className="text-foreground/85 underline-offset-4 hover:text-accent-strong hover:underline">
                              {actor.name}
                            </Link>
                          </span>
                        ))
                      ) : (
                        <span>Actor not yet credited</span>
                      )}
                    </p>
                  </li>
                );
              })}
            </ul>
            {character.otherCharactersTruncated ? (
              <p className="mt-4 text-sm">
                <Link href={`${movieHref(movie)}#cast`} className={linkClass}>
                  See the full cast of {movie.title}
                </Link>
              </p>
            ) : null}
          </section>
        ) : null}
      </div>
    </article>
  );
}
