"use client";

import Link from "next/link";
import { Heart } from "@/components/ui/icons/heart";
import { usePersonFavorites } from "@/components/viewer/viewer-store";
import { formatNumber } from "@/lib/format";

/**
 * Signed in: how many of this person's films are in the viewer's favorites (an island: the person page is the same
 * for everyone; the count comes with the page's /api/viewer answer and follows the hearts). Nothing for visitors.
 */
export function PersonFavoritesLine({ personId }: { personId: number }) {
  const counts = usePersonFavorites(personId);
  if (!counts || counts.films === 0) return null;
  const { films, favorites } = counts;
  return (
    <p className="mt-4 inline-flex items-center gap-2 rounded-full bg-surface-muted px-3 py-1.5 text-sm" data-testid="person-favorites">
      <Heart aria-hidden className={`size-4 ${favorites > 0 ? "fill-accent text-accent" : "text-muted"}`} />
      {favorites === 0 ? (
        <span>None of their {films === 1 ? "film is" : `${formatNumber(films)} films are`} in your favorites yet.</span>
      ) : (
        <span>
          {favorites === films ? (films === 1 ? "Their film is" : `All ${formatNumber(films)} of their films are`) : `${formatNumber(favorites)} of their ${formatNumber(films)} films ${favorites === 1 ? "is" : "are"}`} in your{" "}
          <Link href="/favorites" className="font-medium underline-offset-2 hover:underline">
            favorites
          </Link>
          .
        </span>
      )}
    </p>
  );
}
