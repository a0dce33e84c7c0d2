"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useOptimistic, useState, useTransition } from "react";
import { Heart } from "lucide-react";
import { toggleFavoriteAction } from "@/app/(account)/favorites/actions";

type Props = { movieId: number; title: string; initial: boolean; size?: "sm" | "lg" };

/**
 * The heart. With JavaScript: optimistic, rolled back with a message when the write fails. Without: a plain form
 * post that comes back to the same page. Signed out: goes to sign in and comes back with the favorite applied.
 */
export function FavoriteButton({ movieId, title, initial, size = "sm" }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const returnTo = search ? `${pathname}?${search}` : pathname;
  const [favorite, setFavorite] = useState(initial);
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
        if (result.ok) setFavorite(result.favorite);
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
