"use client";

import { Image } from "@/components/ui/image";
import Link from "next/link";
import { Film } from "@/components/ui/icons/film";
import { characterHref, movieHref } from "@/lib/slug";

export type CreditRowData = {
  movieId: number;
  title: string;
  year: number | null;
  posterUrl: string | null;
  characters?: { id: number; name: string }[];
};

/**
 * The rows of a filmography. A client component only so that the page's RSC payload carries each row as data
 * (~150 bytes) rather than as its rendered element tree (~1 KB of class names and links): up to 200 rows on the
 * busiest people's pages. The HTML is server-rendered all the same; nothing here is interactive.
 */
export function CreditRows({ credits }: { credits: CreditRowData[] }) {
  return credits.map((credit) => <CreditRow key={credit.movieId} credit={credit} />);
}

function CreditRow({ credit }: { credit: CreditRowData }) {
  const characters = credit.characters ?? null;
  return (
    <li className="flex items-center gap-3 px-3 py-2.5 sm:gap-4 sm:px-4" data-testid="filmography-row">
      <span className="w-11 shrink-0 text-sm font-medium tabular-nums text-muted">
        {credit.year ?? (
          <>
            <span aria-hidden>—</span>
            <span className="sr-only">Year unknown</span>
          </>
        )}
      </span>
      <div className="relative h-[3.75rem] w-10 shrink-0 overflow-hidden rounded bg-surface-muted ring-1 ring-border/60">
        {credit.posterUrl ? (
          // The title next to it names the film: the thumbnail is decorative. A fixed size gives a one-entry srcset
          // (fill + sizes would list all six widths in each of up to 200 rows).
          <Image src={credit.posterUrl} alt="" width={40} height={60} className="size-full object-cover" />
        ) : (
          <Film aria-hidden className="absolute inset-0 m-auto size-4 text-muted" />
        )}
      </div>
      <div className="min-w-0 flex-1">
        <Link href={movieHref({ id: credit.movieId, title: credit.title })} className="font-medium hover:text-accent-strong">
          {credit.title}
        </Link>
        {characters && characters.length > 0 ? (
          <p className="mt-0.5 text-sm text-muted">
            as{" "}
            {characters.map((c, i) => (
              <span key={c.id}>
                {i > 0 ? (i === characters.length - 1 ? " and " : ", ") : null}
                <Link href={characterHref(c)} className="text-foreground/85 underline decoration-border underline-offset-2 hover:text-accent-strong hover:decoration-accent">
                  {c.name}
                </Link>
              </span>
            ))}
          </p>
        ) : null}
      </div>
    </li>
  );
}
