import { FavoriteButton } from "@/components/favorites/favorite-button";
import type { MovieCardData } from "@/db/queries/movies";
import { favoriteIdsAmong } from "@/db/queries/favorites";
import { getViewer } from "@/lib/session";
import { MovieCard } from "./movie-card";

/** A grid of movie cards, each with its heart (one query for the viewer's favorites among the whole grid). */
export async function MovieGrid({ movies, priorityCount = 0 }: { movies: MovieCardData[]; priorityCount?: number }) {
  const viewer = await getViewer();
  const favorites = viewer ? await favoriteIdsAmong(viewer.id, movies.map((m) => m.id)) : new Set<number>();
  return (
    <ul className="grid grid-cols-2 gap-x-4 gap-y-6 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-6">
      {movies.map((m, i) => (
        <li key={m.id}>
          <MovieCard movie={m} priority={i < priorityCount} action={<FavoriteButton movieId={m.id} title={m.title} initial={favorites.has(m.id)} />} />
        </li>
      ))}
    </ul>
  );
}
