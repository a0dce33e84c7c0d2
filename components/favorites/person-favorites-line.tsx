import Link from "next/link";
import { Heart } from "lucide-react";
import { countPersonFilmsInFavorites } from "@/db/queries/favorites";
import { formatNumber } from "@/lib/format";
import { getViewer } from "@/lib/session";

/** Signed in: how many of this person's films are in the viewer's favorites. Nothing for visitors. */
export async function PersonFavoritesLine({ personId }: { personId: number }) {
  const viewer = await getViewer();
  if (!viewer) return null;
  const { films, favorites } = await countPersonFilmsInFavorites(viewer.id, personId);
  if (films === 0) return null;
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
