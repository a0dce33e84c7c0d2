import { Image } from "@/components/ui/image";
import Link from "next/link";
import { Film } from "@/components/ui/icons/film";
import type { CharacterHit } from "@/db/queries/search";
import { characterHref, movieHref, personHref } from "@/lib/slug";

/** "A", "A and B", "A, B and C". */
function joinNames(parts: React.ReactNode[]): React.ReactNode[] {
  return parts.flatMap((part, i) => (i === 0 ? [part] : [i === parts.length - 1 ? " and " : ", ", part]));
}

/** One row per character: "Vito Corleone — in The Godfather (1972), played by Marlon Brando". */
export function CharacterResults({ characters }: { characters: CharacterHit[] }) {
  return (
    <ul className="divide-y divide-border overflow-hidden rounded-xl border border-border bg-surface">
      {characters.map((c) => {
        const more = c.actorCount - c.actors.length;
        const actorLinks = c.actors.map((a) => (
          <Link key={a.id} href={personHref(a)} className="font-medium text-foreground hover:text-accent-strong hover:underline">
            {a.name}
          </Link>
        ));
        if (more > 0) actorLinks.push(<span key="more">{more === 1 ? "1 more" : `${more} more`}</span>);
        return (
          <li key={c.id} className="flex items-center gap-3 px-3 py-3 sm:gap-4 sm:px-4" data-testid="character-result">
            <div className="relative h-15 w-10 shrink-0 overflow-hidden rounded-md bg-surface-muted ring-1 ring-border/60">
              {c.movie.posterUrl ? (
                <Image src={c.movie.posterUrl} alt="" width={40} height={60} className="size-full object-cover" />
              ) : (
                <Film aria-hidden className="absolute inset-0 m-auto size-4 text-muted" />
              )}
            </div>
            <p className="min-w-0 text-sm leading-relaxed text-muted text-pretty">
              <Link href={characterHref(c)} className="text-base font-semibold text-foreground hover:text-accent-strong hover:underline">
                {c.name}
              </Link>{" "}
              — in{" "}
              <Link href={movieHref(c.movie)} className="font-medium text-foreground hover:text-accent-strong hover:underline">
                {c.movie.title}
              </Link>
              {c.movie.year ? ` (${c.movie.year})` : null}
              {actorLinks.length > 0 ? <>, played by {joinNames(actorLinks)}</> : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
