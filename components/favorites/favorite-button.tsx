"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useOptimistic, useState, useTransition } from "react";
import { Heart } from "@/components/ui/icons/heart";
import { toggleFavoriteAction } from "@/app/(account)/favorites/actions";
import { setFavorite as share, useFavorite } from "@/components/viewer/viewer-store";

/** `initial`: what the server knows when it renders for this viewer (per-user pages); public pages don't know. */
type Props = { movieId: number; title: string; initial?: boolean; size?: "sm" | "lg" };

/**
 * The heart, an island on pages that are the same for everyone: it shows the viewer's state once /api/viewer has
 * answered (one request for every heart on the page). With JavaScript: optimistic, rolled back with a message when
 * the write fails, and every heart of the film follows. Without: a plain form post that adds the film (or, where the
 * page knows it is a favorite, removes it) and shows the result on /favorites. Signed out: goes to sign in and comes
 * back with the favorite applied.
 */
export function FavoriteButton({ movieId, title, initial, size = "sm" }: Props) {
  const known = useFavorite(movieId);
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const returnTo = search ? `${pathname}?${search}` : pathname;
  const favorite = known ?? initial ?? false;
  const [optimistic, setOptimistic] = useOptimistic(favorite);
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const intent = optimistic ? "remove" : "add";
  const label = optimistic ? `Remove ${title} from favorites` : `Add ${title} to favorites`;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    data.set("$js", "1");
    setError(null);
    startTransition(async () => {
      setOptimistic(intent === "add");
      try {
        const result = await toggleFavoriteAction(data);
        if (result.ok) share(movieId, result.favorite);
        else if (result.signIn) router.push(result.signIn);
        else setError(result.message);
      } catch {
        setError("Could not save your favorite. Check your connection and try again.");
      }
    });
  }

  const box = size === "lg" ? "h-11 gap-2 px-4 text-sm font-semibold" : "size-8 justify-center";
  return (
    <form action={toggleFavoriteAction as unknown as (fd: FormData) => void} onSubmit={submit} className="relative">
      <input type="hidden" name="movieId" value={movieId} />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button
        type="submit"
        aria-pressed={optimistic}
        aria-label={size === "lg" ? undefined : label}
        title={label}
        data-testid="favorite-button"
        className={`inline-flex items-center rounded-full border transition ${box} ${
          optimistic ? "border-rose-500/40 bg-rose-500/10 text-rose-600 dark:text-rose-400" : "border-border bg-surface text-muted hover:text-rose-600"
        }`}
      >
        <Heart aria-hidden className={size === "lg" ? "size-5" : "size-4"} fill={optimistic ? "currentColor" : "none"} />
        {size === "lg" ? <span>{optimistic ? "In your favorites" : "Add to favorites"}</span> : null}
      </button>
      <span role="status" aria-live="polite" className={error ? "absolute right-0 top-full z-20 mt-1 w-56 rounded-md bg-surface p-2 text-xs text-red-600 shadow ring-1 ring-border" : "sr-only"}>
        {error ?? ""}
      </span>
    </form>
  );
}
