import Link from "next/link";
import { Image } from "@/components/ui/image";
import { Film } from "@/components/ui/icons/film";
import { movieHref } from "@/lib/slug";

export type RailFilm = {
  id: number;
  title: string;
  year: number | null;
  posterUrl: string | null;
  /** A line under the title: the character played, "Director", the genres. */
  note?: string | null;
};

/**
 * A single row of posters that scrolls sideways when it overflows (a swipe on a phone): "Known for", "More from
 * <director>", "In the same genres". A server component with no heart: it sends no JavaScript of its own.
 * The right edge fades when the row scrolls, so a cut-off poster reads as "more this way".
 */
export function PosterRail({ films, label, priorityCount = 0, testId }: { films: RailFilm[]; label: string; priorityCount?: number; testId: string }) {
  return (
    <ul
      aria-label={label}
      className="-mx-4 flex snap-x scroll-px-4 gap-4 overflow-x-auto px-4 pb-3 sm:-mx-6 sm:scroll-px-6 sm:px-6 lg:mx-0 lg:scroll-px-0 lg:px-0 [scrollbar-width:thin]"
    >
      {films.map((film, i) => (
        <li key={film.id} className="w-32 shrink-0 snap-start sm:w-36" data-testid={testId}>
          <article className="group relative">
            <div className="relative aspect-2/3 overflow-hidden rounded-lg bg-surface-muted shadow-sm ring-1 ring-border/60 transition group-hover:shadow-lg">
              {film.posterUrl ? (
                // The title under it names the film and is the link's text: the poster is decorative here.
                <Image
                  src={film.posterUrl}
                  alt=""
                  fill
                  sizes="144px"
                  priority={i < priorityCount}
                  className="object-cover transition duration-300 group-hover:scale-[1.04]"
                />
              ) : (
                <Film aria-hidden className="absolute inset-0 m-auto size-8 text-muted" />
              )}
            </div>
            <h3 className="mt-2 line-clamp-2 text-sm font-semibold leading-snug">
              <Link
                href={movieHref(film)}
                className="after:absolute after:inset-0 after:rounded-lg after:content-[''] group-hover:text-accent-strong focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:outline-offset-2 focus-visible:after:outline-ring"
              >
                {film.title}
              </Link>
            </h3>
            <p className="mt-0.5 text-xs text-muted tabular-nums">{film.year ?? "Year unknown"}</p>
            {film.note ? <p className="mt-0.5 line-clamp-2 text-xs text-foreground/80">{film.note}</p> : null}
          </article>
        </li>
      ))}
    </ul>
  );
}
