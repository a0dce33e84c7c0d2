import { FavoriteButton } from "@/components/favorites/favorite-button";
import type { MovieCardData } from "@/db/queries/movies";
import { MovieCard } from "./movie-card";

/**
 * A grid of movie cards, each with its heart. `priorityCount`: the cards of the first row, loaded eagerly; of those,
 * only the first two (a phone's first row, where the largest paint is) are preloaded with high priority, so that on
 * a slow connection they don't share the bandwidth with four posters a phone shows further down.
 * The same HTML for every viewer: the hearts learn the viewer's favorites in the browser (one /api/viewer request
 * for the whole page). `favorites`: the page is the viewer's own list (/favorites), so every heart starts filled,
 * also without JavaScript.
 */
export function MovieGrid({ movies, priorityCount = 0, favorites = false }: { movies: MovieCardData[]; priorityCount?: number; favorites?: boolean }) {
  return (
    <ul className="grid grid-cols-2 gap-x-4 gap-y-6 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-6">
      {movies.map((m, i) => (
        <li key={m.id}>
          <MovieCard movie={m} priority={i < Math.min(priorityCount, 2)} eager={i < priorityCount} action={<FavoriteButton movieId={m.id} title={m.title} initial={favorites || undefined} />} />
        </li>
      ))}
    </ul>
  );
}
